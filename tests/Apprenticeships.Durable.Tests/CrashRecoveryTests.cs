using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Tests.Samples;
using Apprenticeships.Durable.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Durable.Tests;

/// <summary>
/// A worker that dies at any storage call loses nothing: for every N, crash the worker at its N-th
/// storage call during a whole sample run, then let a fresh worker carry on.
/// </summary>
public class CrashRecoveryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_crash_at_any_storage_call_is_recovered_by_a_fresh_worker(bool inline)
    {
        var callsInCleanRun = await CountCallsOfACleanRunAsync(inline);
        Assert.InRange(callsInCleanRun, 5, 200);
        Console.WriteLine($"clean run (inline={inline}): {callsInCleanRun} storage calls");

        for (var n = 1; n <= callsInCleanRun; n++)
        {
            await using var h = await DurableHarness.CreateAsync(o => o.RunActivitiesInline = inline);
            var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloChain), 3);

            var crashing = h.Services(new StorageFaults(crashAtCall: n)).GetRequiredService<DurableWorker>();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => RunUntilDoneAsync(h, crashing, id, sweep: false));

            var fresh = h.Services().GetRequiredService<DurableWorker>();
            await RunUntilDoneAsync(h, fresh, id, sweep: true);

            var done = (await h.Client.GetInstanceAsync(id))!;
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"crash at call {n}: {done.RuntimeStatus} {done.FailureDetails}");
            Assert.Equal(["Hello city0", "Hello city1", "Hello city2"], done.ReadOutputAs<List<string>>());
            Assert.Equal([$"{id}:0:0", $"{id}:0:1", $"{id}:0:2"], h.SideEffects.ByKey.Keys.Order());
            AssertNoDuplicates((await h.Client.GetHistoryAsync(id))!.Events, n);
        }
    }

    private static async Task<int> CountCallsOfACleanRunAsync(bool inline)
    {
        await using var h = await DurableHarness.CreateAsync(o => o.RunActivitiesInline = inline);
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloChain), 3);
        var counter = new StorageFaults();
        var worker = h.Services(counter).GetRequiredService<DurableWorker>();
        await RunUntilDoneAsync(h, worker, id, sweep: false);
        return counter.Calls;
    }

    /// <summary>Drives a worker step by step, as its hosted loop would, until the instance finishes.</summary>
    private static async Task RunUntilDoneAsync(DurableHarness h, DurableWorker worker, string id, bool sweep)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var lastSweep = DateTime.MinValue;
        while (DateTime.UtcNow < deadline)
        {
            var status = await h.Client.GetInstanceAsync(id);
            if (status!.IsCompleted) return;
            var work = await worker.ProcessControlQueueOnceAsync() + await worker.ProcessWorkQueueOnceAsync() + await worker.FireDueTimersAsync();
            if (sweep && DateTime.UtcNow - lastSweep > TimeSpan.FromSeconds(1))
            {
                // What the crashed worker committed but never sent is resent by the sweeper.
                work += await worker.SweepOutboxAsync(TimeSpan.Zero);
                lastSweep = DateTime.UtcNow;
            }
            if (work == 0) await Task.Delay(50);
        }
        throw new TimeoutException($"Instance {id} did not finish.");
    }

    internal static void AssertNoDuplicates(IReadOnlyList<HistoryEvent> history, int n)
    {
        var messageIds = history.Where(e => e.MessageId is not null).Select(e => e.MessageId).ToList();
        Assert.True(messageIds.Count == messageIds.Distinct().Count(), $"crash at call {n}: a message was applied twice");
        foreach (var kind in new[] { HistoryEventKind.TaskScheduled, HistoryEventKind.TaskCompleted, HistoryEventKind.ExecutionStarted, HistoryEventKind.ExecutionCompleted })
        {
            var ids = history.Where(e => e.Kind == kind).Select(e => e.EventId).ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"crash at call {n}: duplicate {kind}");
        }
    }
}
