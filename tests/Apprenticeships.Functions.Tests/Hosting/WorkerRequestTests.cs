using System.Text.Json.Nodes;
using Apprenticeships.Functions.Hosting.FunctionsHost;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// A request the Functions host forwards to one of the app's HTTP functions goes through the same
/// pipeline as in-process: routing to the app's own handler, sign-in, security headers, problems.
/// The worker's ASP.NET Core integration has already matched the request to a function endpoint
/// of its own when the function runs, so that is how these requests arrive.
/// </summary>
public class WorkerRequestTests
{
    [Fact]
    public async Task A_forwarded_request_reaches_the_apps_handler_with_its_headers()
    {
        using var worker = await WorkerHost.BuildAsync();
        var response = await ForwardAsync(worker.Services, "GET", "/api/health");
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("Healthy", (string?)JsonNode.Parse(await BodyAsync(response))!["status"]);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task Staff_routes_ask_for_sign_in_and_unknown_routes_are_not_found()
    {
        using var worker = await WorkerHost.BuildAsync();
        var page = await ForwardAsync(worker.Services, "GET", "/candidates");
        Assert.Equal(StatusCodes.Status302Found, page.StatusCode);
        Assert.StartsWith("/sign-in", new Uri(new Uri("https://x"), page.Headers.Location.ToString()).PathAndQuery);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await ForwardAsync(worker.Services, "GET", "/api/candidates")).StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await ForwardAsync(worker.Services, "GET", "/api/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_the_same_problem_details_as_in_process()
    {
        using var worker = await WorkerHost.BuildAsync();
        var response = await ForwardAsync(worker.Services, "POST", "/api/providers/confirmations", "{\"kind\":", "X-Provider-Key", "not-a-key");
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    private static async Task<HttpResponse> ForwardAsync(IServiceProvider services, string method, string path, string? body = null, params string[] headers)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = method;
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("apprenticeships.example.gov.uk");
        http.Request.Path = path;
        for (var i = 0; i < headers.Length; i += 2) http.Request.Headers[headers[i]] = headers[i + 1];
        if (body is not null)
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        }
        http.Response.Body = new MemoryStream();
        // As the worker's integration leaves it: its own function endpoint matched.
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "http-health"));
        await services.GetRequiredService<AppRequests>().HandleAsync(http);
        return http.Response;
    }

    private static async Task<string> BodyAsync(HttpResponse response)
    {
        response.Body.Position = 0;
        return await new StreamReader(response.Body).ReadToEndAsync();
    }
}
