using System.Text.Json;
using System.Text.Json.Nodes;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Storage;
using Apprenticeships.Functions.Hosting;
using Apprenticeships.Storage.Azurite;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The committed function.json files (functions/FunctionJson) and host.json against the app
/// itself, so routes, queue names and the Functions host's view of them cannot drift apart.
/// After changing routes or triggers, run with UPDATE_FUNCTION_JSON=1 to rewrite the files.
/// </summary>
public class FunctionJsonTests
{
    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run from the repository.");
    private static readonly string FunctionJsonFolder = Path.Combine(Root, "functions", "FunctionJson");

    /// <summary>The app as Azure runs it: Production, custom-handler mode, the default task hub.</summary>
    internal static Task<WebApplicationFactory<Program>> AzureAppAsync() => AppFactory.CreateAsync("Production", b =>
    {
        b.UseSetting("Durable:TaskHub", new DurableRuntimeOptions().TaskHub);
        b.UseSetting(CustomHandler.PortSetting, "7099");
    });

    [Fact]
    public async Task Every_function_json_matches_the_apps_routes_queue_names_and_timers()
    {
        await using var app = await AzureAppAsync();
        var expected = ExpectedFunctionJson.From(app.Services.GetRequiredService<EndpointDataSource>(), app.Services.GetRequiredService<TaskHub>());
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
        Assert.DoesNotContain(routes.Keys, r => r is "ControlQueue" or "DurableTimers");
    }

    [Fact]
    public async Task Host_json_starts_the_published_app_and_matches_the_runtimes_queues()
    {
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "host.json")))!;
        Assert.Equal("2.0", (string?)host["version"]);
        // The apphost dotnet publish writes is named after the assembly.
        Assert.Equal(typeof(Program).Assembly.GetName().Name, (string?)host["customHandler"]?["description"]?["defaultExecutablePath"]);
        Assert.True((bool?)host["customHandler"]?["enableForwardingHttpRequest"]);
        // Routes are the app's own full paths (/api/..., /l/...), so the host adds no prefix.
        Assert.Equal("", (string?)host["extensions"]?["http"]?["routePrefix"]);
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]?["id"]);

        var options = new DurableRuntimeOptions();
        // The runtime quarantines a message on its last delivery (failing its instance with the
        // reason); the host must not give up earlier or later than that.
        Assert.Equal(options.MaxDeliveryCount, (int?)host["extensions"]?["queues"]?["maxDequeueCount"]);
        // The runtime queues plain JSON text, not the host's default base64 (CustomHandlerTriggerTests
        // hands the host's view of a real queued message to the app).
        Assert.Equal("none", (string?)host["extensions"]?["queues"]?["messageEncoding"]);
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
