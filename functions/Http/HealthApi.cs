using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Apprenticeships.Functions.Http;

public static class HealthApi
{
    /// <summary>GET /api/health: 200 when tables, queues and blobs all answer, else 503, with each service's state.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/api/health", new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithName("Health")
            .AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            services = report.Entries.ToDictionary(
                e => e.Key,
                e => new { reachable = e.Value.Status == HealthStatus.Healthy, error = e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
