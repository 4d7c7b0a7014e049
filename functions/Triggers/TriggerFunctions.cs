using Apprenticeships.Durable.Worker;

namespace Apprenticeships.Functions.Triggers;

/// <summary>
/// The app's queue and timer functions: the same loops <see cref="DurableWorker"/> runs
/// in-process when standalone. Each has a function.json under functions/FunctionJson that a test
/// keeps equal to this list and the task hub's queue names.
/// </summary>
public static class TriggerFunctions
{
    public static IReadOnlyList<TriggerFunction> All { get; } =
    [
        new QueueTriggerFunction("ControlQueue", hub => hub.Control,
            (worker, body, deliveries, ct) => worker.ProcessControlMessageAsync(body, deliveries, ct)),
        new QueueTriggerFunction("WorkQueue", hub => hub.Work,
            (worker, body, deliveries, ct) => worker.ProcessWorkMessageAsync(body, deliveries, ct)),
        // Every 5 s: durable timers last days or months, so a few seconds late is nothing, and a
        // 1 s schedule would cost five times the executions on a consumption plan.
        new TimerTriggerFunction("DurableTimers", "*/5 * * * * *", FireAllDueTimersAsync),
        new TimerTriggerFunction("OutboxSweep", "0 * * * * *", (worker, ct) => worker.SweepOutboxAsync(null, ct)),
        new TimerTriggerFunction("StatusRepair", "30 * * * * *", (worker, ct) => worker.RepairStatusAsync(ct)),
    ];

    /// <summary>
    /// One firing drains what is due (a pass fires a bounded batch), so a backlog after a quiet
    /// spell does not wait for later firings; the cap keeps one invocation short.
    /// </summary>
    private static async Task<int> FireAllDueTimersAsync(DurableWorker worker, CancellationToken ct)
    {
        var fired = 0;
        for (var pass = 0; pass < 50; pass++)
        {
            var count = await worker.FireDueTimersAsync(ct);
            fired += count;
            if (count == 0) break;
        }
        return fired;
    }
}
