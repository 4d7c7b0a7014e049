using System.Text.Json.Nodes;
using Apprenticeships.Functions.Hosting.FunctionsHost;
using Apprenticeships.Functions.Schedules;
using Apprenticeships.Workflows.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The published app as the Functions host finds it: the files `dotnet publish` writes, and the
/// functions its worker reports when the host asks (build-time functions.metadata plus what the
/// worker adds: the app's routes and schedules, Durable Functions' orchestrators and activities),
/// compared with what the in-process host serves and runs.
/// </summary>
public class FunctionsWorkerTests(PublishedFunctionsApp published) : IClassFixture<PublishedFunctionsApp>
{
    private string File(string name) => Path.Combine(published.Folder, name);

    private JsonNode Json(string name) => JsonNode.Parse(System.IO.File.ReadAllText(File(name)))!;

    [Fact]
    public void The_published_folder_is_an_isolated_worker_app_with_durable_functions()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(published.Root, "host.json"))), Json("host.json")));
        var host = Json("host.json");
        Assert.Null(host["customHandler"]);
        // Isolated apps carry their extensions (extensions.json) instead of a bundle.
        Assert.Null(host["extensionBundle"]);
        // Routes are the app's own full paths (/api/..., /l/...), so the host adds no prefix.
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.Equal("apprenticeships", (string?)host["extensions"]!["durableTask"]!["hubName"]);

        var worker = Json("worker.config.json")["description"]!;
        Assert.Equal("dotnet", (string?)worker["defaultExecutablePath"]);
        Assert.Equal("Apprenticeships.Functions.dll", (string?)worker["defaultWorkerPath"]);
        Assert.Equal("true", worker["workerIndexing"]!.ToString().ToLowerInvariant());
        Assert.True(System.IO.File.Exists(File("Apprenticeships.Functions.dll")));

        var extensions = Json("extensions.json")["extensions"]!.AsArray().Select(e => (string)e!["name"]!).ToList();
        Assert.Contains("DurableTask", extensions);
        Assert.True(System.IO.File.Exists(File("functions.metadata")));
        Assert.Empty(Directory.GetFiles(published.Folder, "function.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(published.Root, "functions"), "function.json", SearchOption.AllDirectories));
        Assert.True(System.IO.File.Exists(File("govuk-frontend/govuk-frontend.min.css")));
    }

    [Fact]
    public async Task The_worker_reports_a_function_for_every_route_the_in_process_host_serves_and_no_other()
    {
        await using var app = await AppFactory.CreateAsync("Production", asAdmin: false);
        var served = AppFunctions.HttpRoutes(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>());
        var functions = await ReportedFunctionsAsync();

        var reported = functions.Select(f => (Function: f, Trigger: Trigger(f))).Where(f => (string?)f.Trigger["type"] == "httpTrigger")
            .ToDictionary(f => (string)f.Trigger["route"]!, f => f);
        Assert.Equal(served.Keys, reported.Keys.Order(StringComparer.Ordinal));
        foreach (var (route, methods) in served)
        {
            var (function, trigger) = reported[route];
            Assert.Equal(methods, trigger["methods"]?.AsArray().Select(m => (string)m!).Order(StringComparer.Ordinal));
            Assert.Equal("Anonymous", (string?)trigger["authLevel"]);
            Assert.Equal(AppFunctionEntryPoints.Request, function.EntryPoint);
            Assert.Contains(function.RawBindings!, b => (string?)JsonNode.Parse(b)!["type"] == "durableClient");
        }
        Assert.Contains("api/candidates/{id}", served.Keys);
        Assert.Contains("l/{token}", served.Keys);
        Assert.DoesNotContain(served.Keys, r => r.StartsWith("api/dev/", StringComparison.Ordinal));
        Assert.Equal(reported.Count, reported.Values.Select(r => r.Function.Name).Distinct().Count());
    }

    [Fact]
    public async Task The_worker_reports_every_orchestrator_activity_and_schedule_the_in_process_host_runs()
    {
        var functions = await ReportedFunctionsAsync();
        string[] Named(string trigger) => [.. functions.Where(f => (string?)Trigger(f)["type"] == trigger).Select(f => f.Name!).Order()];

        Assert.Equal(TaskRegistry.Orchestrators.Select(t => t.Name).Order(), Named("orchestrationTrigger"));
        Assert.Equal(TaskRegistry.Activities.Select(t => t.Name).Order(), Named("activityTrigger"));
        Assert.Equal(AppSchedules.All.Select(s => s.Name).Order(), Named("timerTrigger"));
        Assert.Equal("0 */1 * * * *", (string?)Trigger(functions.Single(f => f.Name == "ReferralRecovery"))["schedule"]);
        Assert.Equal("0 0 0 * * *", (string?)Trigger(functions.Single(f => f.Name == "Retention"))["schedule"]);
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct().Count());
        Assert.Equal(functions.Count, functions.Select(f => f.FunctionId).Distinct().Count());
    }

    [Fact]
    public async Task Every_entry_point_the_worker_reports_is_a_public_method_in_the_published_assemblies()
    {
        foreach (var function in await ReportedFunctionsAsync())
        {
            var script = Path.GetFileName(function.ScriptFile!);
            Assert.True(System.IO.File.Exists(File(script)), $"{function.Name}: {script} is not in the published folder");
            var split = function.EntryPoint!.LastIndexOf('.');
            var type = System.Reflection.Assembly.LoadFrom(function.ScriptFile!).GetType(function.EntryPoint[..split]);
            Assert.True(type?.GetMethod(function.EntryPoint[(split + 1)..]) is { IsPublic: true }, $"{function.Name}: no public {function.EntryPoint}");
        }
    }

    /// <summary>What the worker answers the host's metadata request with, over the published folder.</summary>
    private async Task<IReadOnlyList<IFunctionMetadata>> ReportedFunctionsAsync()
    {
        using var worker = await WorkerHost.BuildAsync();
        return await worker.Services.GetRequiredService<IFunctionMetadataManager>().GetFunctionMetadataAsync(published.Folder);
    }

    private static JsonNode Trigger(IFunctionMetadata function) =>
        function.RawBindings!.Select(b => JsonNode.Parse(b)!).Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal));
}
