using Apprenticeships.Workflows.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Workflow.Bench;

/// <summary>
/// The engine on the same workload as the DBOS peer: chains of five activities all started at
/// once, then events raised one at a time, then one-second timers. Latencies end when the next
/// step starts (the Stamp activity records the wall clock); start-to-completion is the store's
/// own created and last-updated times.
/// </summary>
public static class EngineBench
{
    private const int Chain = 5;
    private const int Samples = 50;

    public static async Task<Dictionary<string, double>> RunAsync(string connection, string preset, Action<WorkflowEngineOptions> overrides,
        int orchestrations, ILoggerFactory loggers)
    {
        var counter = new CountingPolicy(new StorageCallKind(connection));
        var stamps = new Stamps();
        await using var engine = await EngineUnderTest.StartAsync(connection, preset, overrides, counter, stamps, loggers);
        Console.WriteLine($"engine: {engine.Settings}");
        var (client, monitor) = (engine.Client, engine.Monitor);
        // An instance that never finishes fails the run instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;

        // Warm-up: enough instances that every partition has been leased and served once.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), 1,
            new StartOrchestrationOptions($"warm-up-{i}"))));
        for (var i = 0; i < 16; i++) await monitor.WaitForInstanceCompletionAsync($"warm-up-{i}", cancellation: ct);

        // Throughput: all chains at once; the counter sees the client's and the worker's calls.
        counter.Reset();
        var started = DateTimeOffset.UtcNow;
        var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloCities), Chain, new StartOrchestrationOptions($"chain-{i}"))));
        var done = new List<OrchestrationMetadata>();
        foreach (var id in ids) done.Add(await monitor.WaitForInstanceCompletionAsync(id, cancellation: ct));
        var calls = counter.Snapshot();
        // The store's last update is when the work ended; the watcher's sweep can only see it later.
        var elapsed = (done.Max(d => d.LastUpdatedAt) - started).TotalSeconds;
        var latencies = done.Select(d => (d.LastUpdatedAt - d.CreatedAt).TotalMilliseconds).ToList();
        var failed = done.Count(d => d.RuntimeStatus != OrchestrationRuntimeStatus.Completed);

        // Event to next step, one at a time, so this is latency rather than queueing.
        var eventLatency = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitThenAct), null, new StartOrchestrationOptions($"event-{i}"));
            await monitor.WaitForInstanceStartAsync(id, cancellation: ct);
            await Task.Delay(20);
            var raised = DateTime.UtcNow;
            await client.RaiseEventAsync(id, WaitThenAct.EventName, "go");
            await monitor.WaitForInstanceCompletionAsync(id, cancellation: ct);
            eventLatency.Add((stamps.Ran[id] - raised).TotalMilliseconds);
        }

        // A one-second durable timer's lateness, 50 at once. Negative: the step ran before the timer was due.
        var timerIds = await Task.WhenAll(Enumerable.Range(0, Samples).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(SleepThenAct), null, new StartOrchestrationOptions($"timer-{i}"))));
        var lateness = new List<double>();
        foreach (var id in timerIds)
        {
            var due = (await monitor.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, ct)).ReadOutputAs<DateTime>();
            lateness.Add((stamps.Ran[id] - due).TotalMilliseconds);
        }

        var activities = (double)orchestrations * Chain;
        var figures = new Dictionary<string, double>
        {
            ["orchestrations/s"] = orchestrations / elapsed,
            ["activities/s"] = activities / elapsed,
            ["start-to-completion p50 ms"] = Percentiles.Of(latencies, 0.5),
            ["start-to-completion p99 ms"] = Percentiles.Of(latencies, 0.99),
            ["event-to-next-step p50 ms"] = Percentiles.Of(eventLatency, 0.5),
            ["event-to-next-step p99 ms"] = Percentiles.Of(eventLatency, 0.99),
            ["1 s timer lateness p50 ms"] = Percentiles.Of(lateness, 0.5),
            ["1 s timer lateness p99 ms"] = Percentiles.Of(lateness, 0.99),
            ["timers whose next step ran early (of 50)"] = lateness.Count(l => l < 0),
            ["storage calls per activity"] = calls.Values.Sum(t => t.Count) / activities,
        };
        if (failed > 0) figures["orchestrations not completed"] = failed;
        // Where those calls go, by kind, with each kind's mean time in flight.
        foreach (var (kind, tally) in calls.Where(k => k.Value.Count > 0).OrderByDescending(k => k.Value.Count))
        {
            figures[$"calls per activity: {kind}"] = tally.Count / activities;
            figures[$"mean ms: {kind}"] = tally.InFlight.TotalMilliseconds / tally.Count;
            if (tally.Refused > 0) figures[$"refused per activity: {kind}"] = tally.Refused / activities;
        }
        return figures;
    }
}
