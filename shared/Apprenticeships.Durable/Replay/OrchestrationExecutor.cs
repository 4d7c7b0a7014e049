using Apprenticeships.Durable.History;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable.Replay;

/// <summary>
/// Replays an orchestrator over its committed history, then feeds it the new events, and
/// reports the new actions and whether it finished. Pure: no I/O, no clock but history's.
/// </summary>
internal static class OrchestrationExecutor
{
    public static ExecutionResult Execute(
        ITaskOrchestrator orchestrator, string instanceId, int generation,
        IReadOnlyList<HistoryEvent> history, IReadOnlyList<HistoryEvent> newEvents, ILoggerFactory? loggers)
    {
        var started = history.Concat(newEvents).FirstOrDefault(e => e.Kind == HistoryEventKind.ExecutionStarted)
            ?? throw new InvalidOperationException($"Instance '{instanceId}' has no ExecutionStarted event.");
        var pastActions = history.Where(e => e.IsScheduling).ToDictionary(e => e.EventId);
        var context = new ReplayContext(instanceId, started.Name!, generation, pastActions, loggers);
        var scheduler = new ReplayScheduler();
        Task<object?>? run = null;
        var suspended = false;
        var deferred = new List<HistoryEvent>();
        var all = history.Concat(newEvents).ToList();

        for (var i = 0; i < all.Count; i++)
        {
            var e = all[i];
            context.Replaying = i < history.Count;
            switch (e.Kind)
            {
                case HistoryEventKind.OrchestratorStarted:
                    context.Now = e.Timestamp;
                    break;
                case HistoryEventKind.ExecutionStarted when run is null:
                    context.Now = context.Now == default ? e.Timestamp : context.Now;
                    run = scheduler.Start(() => orchestrator.RunAsync(context, Input(orchestrator, e.Data)));
                    break;
                case HistoryEventKind.ExecutionTerminated:
                    return new ExecutionResult { Status = OrchestrationRuntimeStatus.Terminated, Output = e.Data, CustomStatus = context.CustomStatus };
                case HistoryEventKind.ExecutionSuspended:
                    suspended = true;
                    break;
                case HistoryEventKind.ExecutionResumed:
                    suspended = false;
                    deferred.ForEach(d => Deliver(context, d));
                    deferred.Clear();
                    break;
                default:
                    if (suspended) deferred.Add(e);
                    else Deliver(context, e);
                    break;
            }
            scheduler.Drain();
            if (context.Divergence is { } divergence) return Failed(context, divergence);
            if (run is { IsCompleted: true }) break;
        }

        if (run is { IsCompleted: true } && context.ClaimedActions < pastActions.Count)
        {
            var missing = pastActions[context.ClaimedActions];
            return Failed(context, new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{started.Name}' ({instanceId}): at step #{missing.EventId} the history has " +
                $"{OrchestratorAction.Describe(missing)} but the code now finishes without it."));
        }

        var status = suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running;
        if (run is null || !run.IsCompleted)
        {
            return new ExecutionResult { Status = status, Actions = context.NewActions, CustomStatus = context.CustomStatus };
        }
        if (run.IsFaulted || run.IsCanceled)
        {
            var error = run.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
            return Failed(context, error);
        }
        if (context.ContinueAsNewRequest is { } next)
        {
            return new ExecutionResult { Status = OrchestrationRuntimeStatus.ContinuedAsNew, ContinueAsNew = next, CustomStatus = context.CustomStatus };
        }
        return new ExecutionResult
        {
            Status = OrchestrationRuntimeStatus.Completed,
            Output = JsonPayload.Serialize(run.Result),
            Actions = context.NewActions,
            CustomStatus = context.CustomStatus,
        };
    }

    private static void Deliver(ReplayContext context, HistoryEvent e)
    {
        switch (e.Kind)
        {
            case HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed or HistoryEventKind.TimerFired
                or HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed:
                context.Complete(e);
                break;
            case HistoryEventKind.EventRaised:
                context.Raise(e);
                break;
        }
    }

    private static object? Input(ITaskOrchestrator orchestrator, string? json) => JsonPayload.Deserialize(json, orchestrator.InputType);

    private static ExecutionResult Failed(ReplayContext context, Exception error) => new()
    {
        Status = OrchestrationRuntimeStatus.Failed,
        Failure = TaskFailureDetails.FromException(error),
        CustomStatus = context.CustomStatus,
    };
}
