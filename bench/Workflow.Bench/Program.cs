using System.Text.Json;
using Apprenticeships.Storage.Azurite;
using Microsoft.Extensions.Logging;
using Workflow.Bench;

// Workflow.Bench: the workflow engine's throughput, latency and storage calls, and the raw storage
// ceiling, against a fresh in-memory Azurite. Prints a table, then one line "RESULT {json}" for
// bench/run-all.
// usage: dotnet run -c Release --project bench/Workflow.Bench -- mode=engine|raw
//          [settings=ours|functions-defaults] [orchestrations=200] [activities=N] [orchestrators=N]
var args_ = args.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
var mode = args_.GetValueOrDefault("mode", "engine");
var loadAtStart = LoadAverage.OneMinute();

// The engine's own warnings and errors go to stderr; its chatter stays out of the figures.
using var loggers = LoggerFactory.Create(b => b
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
    .SetMinimumLevel(LogLevel.Warning));
using var azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions());
var figures = mode switch
{
    "raw" => await RawStorageBench.RunAsync(azurite.ConnectionString, seconds: 10),
    "engine" => await EngineBench.RunAsync(azurite.ConnectionString,
        preset: args_.GetValueOrDefault("settings", "ours"),
        overrides: options =>
        {
            if (args_.TryGetValue("activities", out var a)) options.MaxConcurrentActivities = int.Parse(a);
            if (args_.TryGetValue("orchestrators", out var o)) options.MaxConcurrentOrchestrations = int.Parse(o);
        },
        orchestrations: int.Parse(args_.GetValueOrDefault("orchestrations", "200")),
        loggers),
    _ => throw new ArgumentException($"Unknown mode '{mode}': use engine or raw."),
};
figures["load average (1 min) at start"] = loadAtStart;
figures["load average (1 min) at end"] = LoadAverage.OneMinute();

Console.WriteLine($"Workflow.Bench {string.Join(' ', args)} on {Environment.ProcessorCount} cores, Azurite in memory");
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
foreach (var (name, value) in figures) Console.WriteLine($"| {name} | {value:0.##} |");
Console.WriteLine("RESULT " + JsonSerializer.Serialize(figures));
