using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Apprenticeships.Functions.Http;

public static class HealthApi
{
    public const string Route = "/api/health";

    /// <summary>The answer: the overall status, and each storage service by name.</summary>
    public sealed record HealthBody(string Status, IReadOnlyDictionary<string, ServiceHealth> Services);

    public sealed record ServiceHealth(bool Reachable, string? Error);

    /// <summary>GET /api/health: 200 when tables, queues and blobs all answer, else 503, with each service's state.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Route, new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithName("Health")
            .AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new HealthBody(report.Status.ToString(), report.Entries.ToDictionary(
            e => e.Key,
            e => new ServiceHealth(e.Value.Status == HealthStatus.Healthy, e.Value.Exception?.Message)));
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
