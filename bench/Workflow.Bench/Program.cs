using System.Text.Json;
using Apprenticeships.Storage.Azurite;
using Durable.Bench;

// Durable.Bench: the durable runtime's throughput and latency, and the raw storage ceiling, against
// a fresh in-memory Azurite. Prints a table, then one line "RESULT {json}" for bench/run-all.
// usage: dotnet run -c Release --project bench/Durable.Bench [-- mode=runtime|raw orchestrations=500 workers=1 inline=true]
var settings = args.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
var mode = settings.GetValueOrDefault("mode", "runtime");

using var azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions());
Dictionary<string, double> figures = mode switch
{
    "raw" => await RawStorageBench.RunAsync(azurite.ConnectionString, seconds: 10),
    "runtime" => await RuntimeBench.RunAsync(azurite.ConnectionString,
        orchestrations: int.Parse(settings.GetValueOrDefault("orchestrations", "500")),
        workers: int.Parse(settings.GetValueOrDefault("workers", "1")),
        inline: bool.Parse(settings.GetValueOrDefault("inline", "true"))),
    _ => throw new ArgumentException($"Unknown mode '{mode}': use runtime or raw."),
};

Console.WriteLine($"Durable.Bench mode={mode} {string.Join(' ', args)} on {Environment.ProcessorCount} cores, Azurite in memory");
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
foreach (var (name, value) in figures) Console.WriteLine($"| {name} | {value:0.##} |");
Console.WriteLine("RESULT " + JsonSerializer.Serialize(figures));
