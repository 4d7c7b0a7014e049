using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Infra.Tests;

/// <summary>Platform sign-in for staff, and the routes it leaves to the app, against the app's real routes.</summary>
public class StaffSignInTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private JsonNode Validation() => template.Single("Microsoft.Web/sites/config", "authsettingsV2")["properties"]!["globalValidation"]!;

    [Fact]
    public void Every_route_needs_a_signed_in_user_or_an_entra_token_unless_the_app_authenticates_its_callers()
    {
        var validation = Validation();
        Assert.True((bool)validation["requireAuthentication"]!);
        var excluded = template.Resolve(validation["excludedPaths"]!).AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(["/api/email/events", "/api/health", "/api/providers/confirmations", "/api/providers/learners", "/assets/*", "/l/*", "/provider/*"], excluded.Order());
    }

    [Fact]
    public async Task Each_path_left_to_the_app_is_one_of_its_routes()
    {
        var routes = await AppRoutesAsync();
        foreach (var path in template.Resolve(Validation()["excludedPaths"]!).AsArray().Select(p => (string)p!))
        {
            Assert.True(path.EndsWith("/*") ? routes.Any(r => r.StartsWith(path[..^1])) : routes.Contains(path), $"{path} matches no route of the app");
        }
    }

    /// <summary>The routes the app serves in Production (both hosts serve the same ones).</summary>
    private static async Task<List<string>> AppRoutesAsync()
    {
        var connection = await Apprenticeships.Testing.LocalAzurite.ConnectionStringAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("AzureWebJobsStorage", connection);
            b.UseSetting("Durable:RunWorker", "false");
            b.UseSetting("Schedules:ReferralRecovery", "false");
            b.UseSetting("Schedules:Retention", "false");
            b.UseSetting("Hub:PublicUrl", "https://apprenticeships.example.gov.uk");
            b.UseSetting("Links:SigningKey", "a-test-signing-key-that-is-long-enough-for-links");
        });
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))];
    }
}
