using System.Diagnostics;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Durable.Worker;
using Apprenticeships.Storage;
using Apprenticeships.Storage.Azurite;
using Durable.Bench;
using Microsoft.Extensions.DependencyInjection;

// Durable.Bench: throughput and latency of the durable runtime against a fresh in-memory Azurite.
// usage: dotnet run -c Release --project bench/Durable.Bench [-- orchestrations=500 workers=1 inline=true]
var settings = args.Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
var orchestrations = int.Parse(settings.GetValueOrDefault("orchestrations", "500"));
var workers = int.Parse(settings.GetValueOrDefault("workers", "1"));
var inline = bool.Parse(settings.GetValueOrDefault("inline", "true"));
const int chain = 5;

using var azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions());
var counter = new CountingPolicy();
var stamps = new Stamps();
var hub = "bench" + Guid.NewGuid().ToString("N")[..8];

ServiceProvider Services(bool counted)
{
    var options = new StorageClientOptions();
    if (counted) options.Policies.Add(counter);
    var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);
    return new ServiceCollection()
        .AddSingleton(account.Tables).AddSingleton(account.Queues).AddSingleton(account.Blobs).AddSingleton(stamps)
        .AddDurableRuntime(o =>
        {
            o.TaskHub = hub;
            o.StartWorker = false;
            o.RunActivitiesInline = inline;
            o.TimerPollInterval = TimeSpan.FromMilliseconds(100);
            o.SweepInterval = TimeSpan.FromHours(1);
            o.AddOrchestrator<HelloCities>().AddOrchestrator<WaitThenAct>().AddOrchestrator<SleepThenAct>()
             .AddActivity<SayHello>().AddActivity<Stamp>();
        })
        .BuildServiceProvider();
}

var monitor = Services(counted: false).GetRequiredService<DurableTaskClient>();
var counted = Enumerable.Range(0, workers).Select(_ => Services(counted: true)).ToList();
var client = counted[0].GetRequiredService<DurableTaskClient>();
foreach (var w in counted) await w.GetRequiredService<DurableWorker>().StartAsync(CancellationToken.None);
await monitor.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), 1, "warm-up");
await monitor.WaitForInstanceCompletionAsync("warm-up");
await Task.Delay(500);

// 1. Throughput: all chains started at once, one storage counter over client and workers.
counter.Reset();
var clock = Stopwatch.StartNew();
var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(i =>
    client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), chain, $"chain-{i}")));
var done = new List<OrchestrationMetadata>();
foreach (var id in ids) done.Add(await monitor.WaitForInstanceCompletionAsync(id));
var elapsed = clock.Elapsed.TotalSeconds;
var transactions = counter.Total;
var latencies = done.Select(d => (d.LastUpdatedAt - d.CreatedAt).TotalMilliseconds).ToList();

// 2. Event to next action: one event at a time, so this is latency, not queueing.
var eventLatency = new List<double>();
for (var i = 0; i < 50; i++)
{
    var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitThenAct), null, $"event-{i}");
    while ((await monitor.GetInstanceAsync(id, false))!.RuntimeStatus != OrchestrationRuntimeStatus.Running) await Task.Delay(5);
    await Task.Delay(20);
    var raised = DateTime.UtcNow;
    await client.RaiseEventAsync(id, "go");
    await monitor.WaitForInstanceCompletionAsync(id);
    eventLatency.Add((stamps.Ran[id] - raised).TotalMilliseconds);
}

// 3. A one-second durable timer's lateness.
var timerIds = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
    client.ScheduleNewOrchestrationInstanceAsync(nameof(SleepThenAct), null, $"timer-{i}")));
var lateness = new List<double>();
foreach (var id in timerIds)
{
    var due = (await monitor.WaitForInstanceCompletionAsync(id)).ReadOutputAs<DateTime>();
    lateness.Add((stamps.Ran[id] - due).TotalMilliseconds);
}

foreach (var w in counted) await w.GetRequiredService<DurableWorker>().StopAsync(CancellationToken.None);

double P(List<double> xs, double q) { var s = xs.Order().ToList(); return s[(int)Math.Min(s.Count - 1, Math.Floor(q * s.Count))]; }
Console.WriteLine($"Durable.Bench: {orchestrations} x HelloCities{chain}, {workers} worker(s), activities inline={inline}, {Environment.ProcessorCount} cores, Azurite in memory");
Console.WriteLine($"| measure | value |");
Console.WriteLine($"|---|---|");
Console.WriteLine($"| orchestrations/s | {orchestrations / elapsed:F1} |");
Console.WriteLine($"| activities/s | {orchestrations * chain / elapsed:F1} |");
Console.WriteLine($"| start-to-completion p50 / p99 (ms) | {P(latencies, 0.5):F0} / {P(latencies, 0.99):F0} |");
Console.WriteLine($"| event-to-next-action p50 / p99 (ms) | {P(eventLatency, 0.5):F1} / {P(eventLatency, 0.99):F1} |");
Console.WriteLine($"| 1 s timer lateness p50 / p99 (ms) | {P(lateness, 0.5):F0} / {P(lateness, 0.99):F0} |");
Console.WriteLine($"| storage transactions per activity round trip | {(double)transactions / (orchestrations * chain):F2} ({transactions} in all, incl. starts and polling) |");
