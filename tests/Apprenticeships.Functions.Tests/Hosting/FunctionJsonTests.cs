using System.Text.Json;
using System.Text.Json.Nodes;
using Apprenticeships.Functions.Hosting;
using Apprenticeships.Storage.Azurite;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The committed function.json files (functions/FunctionJson) and host.json against the app
/// itself, so routes and the Functions host's view of them cannot drift apart.
/// After changing routes or triggers, run with UPDATE_FUNCTION_JSON=1 to rewrite the files.
/// </summary>
public class FunctionJsonTests
{
    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run from the repository.");
    private static readonly string FunctionJsonFolder = Path.Combine(Root, "functions", "FunctionJson");

    /// <summary>The app as Azure runs it: Production, custom-handler mode, the default task hub.</summary>
    internal static Task<WebApplicationFactory<Program>> AzureAppAsync() => AppFactory.CreateAsync("Production", b =>
    {
        b.UseSetting(CustomHandler.PortSetting, "7099");
    });

    [Fact]
    public async Task Every_function_json_matches_the_apps_routes()
    {
        await using var app = await AzureAppAsync();
        var expected = ExpectedFunctionJson.From(app.Services.GetRequiredService<EndpointDataSource>());
        if (Environment.GetEnvironmentVariable("UPDATE_FUNCTION_JSON") == "1") Write(expected);

        var committed = Directory.GetDirectories(FunctionJsonFolder).ToDictionary(d => Path.GetFileName(d), d => File.ReadAllText(Path.Combine(d, "function.json")));
        var problems = new List<string>();
        problems.AddRange(expected.Keys.Except(committed.Keys).Select(name => $"missing: {name}/function.json"));
        problems.AddRange(committed.Keys.Except(expected.Keys).Select(name => $"no such route or trigger: {name}/function.json"));
        problems.AddRange(expected.Where(e => committed.TryGetValue(e.Key, out var text) && !JsonNode.DeepEquals(e.Value, JsonNode.Parse(text)))
            .Select(e => $"differs: {e.Key}/function.json, expected {e.Value.ToJsonString()}"));
        Assert.True(problems.Count == 0, "functions/FunctionJson is out of date (UPDATE_FUNCTION_JSON=1 dotnet test rewrites it):\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_api_route_and_page_has_an_http_function_and_no_dev_route_does()
    {
        await using var app = await AzureAppAsync();
        var routes = ExpectedFunctionJson.HttpRoutes(app.Services.GetRequiredService<EndpointDataSource>());
        Assert.Contains("api/candidates/{id}", routes.Keys);
        Assert.Contains("l/{token}", routes.Keys);
        Assert.Equal(["get", "post"], routes["l/{token}"]!);
        Assert.DoesNotContain(routes.Keys, r => r.StartsWith("api/dev/"));
    }

    [Fact]
    public async Task Host_json_starts_the_published_app()
    {
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "host.json")))!;
        Assert.Equal("2.0", (string?)host["version"]);
        // The apphost dotnet publish writes is named after the assembly.
        Assert.Equal(typeof(Program).Assembly.GetName().Name, (string?)host["customHandler"]?["description"]?["defaultExecutablePath"]);
        Assert.True((bool?)host["customHandler"]?["enableForwardingHttpRequest"]);
        // Routes are the app's own full paths (/api/..., /l/...), so the host adds no prefix.
        Assert.Equal("", (string?)host["extensions"]?["http"]?["routePrefix"]);
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]?["id"]);
        Assert.Null(host["extensions"]?["queues"]); // no queue functions: the engine polls its own queues
    }

    private static void Write(SortedDictionary<string, JsonObject> functions)
    {
        if (Directory.Exists(FunctionJsonFolder)) Directory.Delete(FunctionJsonFolder, recursive: true);
        foreach (var (name, json) in functions)
        {
            Directory.CreateDirectory(Path.Combine(FunctionJsonFolder, name));
            File.WriteAllText(Path.Combine(FunctionJsonFolder, name, "function.json"),
                json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
