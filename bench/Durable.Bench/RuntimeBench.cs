using System.Diagnostics;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Durable.Worker;
using Apprenticeships.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Durable.Bench;

/// <summary>
/// Our runtime on the same workload as the DBOS peer: chains of five activities, an event, a
/// one-second timer. Workers are separate service providers (own storage pipelines and caches)
/// in this process; a monitor client outside the storage counter watches for completion.
/// </summary>
public static class RuntimeBench
{
    private const int Chain = 5;

    public static async Task<Dictionary<string, double>> RunAsync(string connection, int orchestrations, int workers, bool inline)
    {
        var counter = new CountingPolicy(new StorageCallKind(connection));
        var stamps = new Stamps();
        var hub = "bench" + Guid.NewGuid().ToString("N")[..8];
        ServiceProvider Services(bool counted)
        {
            var options = new StorageClientOptions();
            if (counted) options.Policies.Add(counter);
            var account = StorageAccount.FromConnectionString(connection, options);
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
        var providers = Enumerable.Range(0, workers).Select(_ => Services(counted: true)).ToList();
        var client = providers[0].GetRequiredService<DurableTaskClient>();
        foreach (var p in providers) await p.GetRequiredService<DurableWorker>().StartAsync(CancellationToken.None);
        await monitor.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), 1, "warm-up");
        await monitor.WaitForInstanceCompletionAsync("warm-up");
        await Task.Delay(500);

        // Throughput: all chains started at once; the counter sees the client's and workers' calls.
        counter.Reset();
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), Chain, $"chain-{i}")));
        var done = new List<OrchestrationMetadata>();
        foreach (var id in ids) done.Add(await monitor.WaitForInstanceCompletionAsync(id));
        var elapsed = clock.Elapsed.TotalSeconds;
        var byKind = counter.Snapshot().Where(k => k.Value.Count > 0).OrderByDescending(k => k.Value.Count).ToList();
        var transactions = byKind.Sum(k => k.Value.Count);
        var latencies = done.Select(d => (d.LastUpdatedAt - d.CreatedAt).TotalMilliseconds).ToList();

        // Event to next action, one at a time, so this is latency rather than queueing.
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

        // A one-second durable timer's lateness, 50 at once.
        var timerIds = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(SleepThenAct), null, $"timer-{i}")));
        var lateness = new List<double>();
        foreach (var id in timerIds)
        {
            var due = (await monitor.WaitForInstanceCompletionAsync(id)).ReadOutputAs<DateTime>();
            lateness.Add((stamps.Ran[id] - due).TotalMilliseconds);
        }
        foreach (var p in providers) await p.GetRequiredService<DurableWorker>().StopAsync(CancellationToken.None);

        var figures = new Dictionary<string, double>
        {
            ["orchestrations/s"] = orchestrations / elapsed,
            ["activities/s"] = orchestrations * Chain / elapsed,
            ["start-to-completion p50 ms"] = Percentiles.Of(latencies, 0.5),
            ["start-to-completion p99 ms"] = Percentiles.Of(latencies, 0.99),
            ["event-to-next-action p50 ms"] = Percentiles.Of(eventLatency, 0.5),
            ["event-to-next-action p99 ms"] = Percentiles.Of(eventLatency, 0.99),
            ["1 s timer lateness p50 ms"] = Percentiles.Of(lateness, 0.5),
            ["1 s timer lateness p99 ms"] = Percentiles.Of(lateness, 0.99),
            ["storage transactions per activity"] = (double)transactions / (orchestrations * Chain),
        };
        // Where those transactions go: calls per activity and mean time in flight, by kind.
        foreach (var (kind, tally) in byKind)
        {
            figures[$"calls per activity: {kind}"] = (double)tally.Count / (orchestrations * Chain);
            figures[$"mean ms: {kind}"] = tally.InFlight.TotalMilliseconds / tally.Count;
            if (tally.Refused > 0) figures[$"refused per activity: {kind}"] = (double)tally.Refused / (orchestrations * Chain);
        }
        return figures;
    }
}
