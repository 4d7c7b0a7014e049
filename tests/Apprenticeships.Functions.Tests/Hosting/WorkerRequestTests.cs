using System.Net;
using Apprenticeships.Functions.Hosting.FunctionsHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// A request the Functions host forwards to one of the app's HTTP functions gets the answer the
/// in-process host gives: same routing, sign-in, security headers and problems. In the worker the
/// ASP.NET Core integration has matched the request to a function endpoint of its own and set the
/// invocation's services before the function runs; the front server here does the same.
/// </summary>
public class WorkerRequestTests
{
    public static TheoryData<string, string, string?> Requests => new()
    {
        { "GET", "/api/health", null },
        { "GET", "/candidates", null },
        { "GET", "/api/candidates", null },
        { "POST", "/api/candidates", "{}" },
        { "GET", "/sign-in?returnUrl=%2Fcandidates", null },
        { "GET", "/api/no-such-thing", null },
        { "POST", "/api/providers/confirmations", "{\"kind\":" },
        { "GET", "/l/not-a-real-token", null },
        { "GET", "/assets/app.css", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_forwarded_request_is_answered_as_in_process(string method, string path, string? body)
    {
        await using var inProcess = await AppFactory.CreateAsync("Production", asAdmin: false);
        using var worker = await WorkerHost.BuildAsync();
        await using var front = await FrontServerAsync(worker);

        var expected = await SendAsync(inProcess.CreateClient(new() { AllowAutoRedirect = false }), method, path, body);
        var actual = await SendAsync(front.GetTestClient(), method, path, body);

        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.Headers.Location?.ToString(), actual.Headers.Location?.ToString());
        Assert.Equal(expected.Content.Headers.ContentType?.MediaType, actual.Content.Headers.ContentType?.MediaType);
        foreach (var header in new[] { "X-Content-Type-Options", "Content-Security-Policy", "Cache-Control", "Strict-Transport-Security" })
            Assert.Equal(Values(expected, header), Values(actual, header));
        Assert.NotEmpty(Values(actual, "X-Content-Type-Options"));
    }

    /// <summary>What the worker's ASP.NET Core integration does before the function runs, then the function.</summary>
    private static async Task<WebApplication> FrontServerAsync(IHost worker)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var front = builder.Build();
        front.Run(async http =>
        {
            using var invocation = worker.Services.CreateScope();
            http.RequestServices = invocation.ServiceProvider;
            http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "the worker's function endpoint"));
            await worker.Services.GetRequiredService<AppRequests>().HandleAsync(http);
        });
        await front.StartAsync();
        return front;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(new Uri("https://localhost"), path));
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static string Values(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values) ? string.Join(",", values) : "";
}
