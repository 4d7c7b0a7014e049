using System.Text.Json.Nodes;

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
    public void Each_path_left_to_the_app_is_one_of_its_routes()
    {
        var routes = Directory.GetFiles(Path.Combine(Bicep.InfraFolder, "..", "functions", "FunctionJson"), "function.json", SearchOption.AllDirectories)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["bindings"]![0]!["route"]?.GetValue<string>())
            .OfType<string>().Select(r => "/" + r).ToList();
        foreach (var path in template.Resolve(Validation()["excludedPaths"]!).AsArray().Select(p => (string)p!))
        {
            Assert.True(path.EndsWith("/*") ? routes.Any(r => r.StartsWith(path[..^1])) : routes.Contains(path), $"{path} matches no route of the app");
        }
    }
}
