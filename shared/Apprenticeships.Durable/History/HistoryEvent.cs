namespace Apprenticeships.Durable.History;

public enum HistoryEventKind
{
    ExecutionStarted,
    OrchestratorStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    SubOrchestrationCreated,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    EventRaised,
    ExecutionSuspended,
    ExecutionResumed,
    ExecutionTerminated,
    ExecutionCompleted,
}

/// <summary>
/// One entry of an instance's event-sourced history. <see cref="MessageId"/> is the id of the
/// queue message that brought the event: a redelivered message finds its id here and is ignored.
/// </summary>
public sealed record HistoryEvent
{
    public required HistoryEventKind Kind { get; init; }
    public int EventId { get; init; } = -1;
    public string? Name { get; init; }
    public string? Data { get; init; }
    public string? MessageId { get; init; }
    public DateTime Timestamp { get; init; }
    public DateTime? FireAt { get; init; }
    public string? InstanceId { get; init; }
    public TaskFailureDetails? Failure { get; init; }
    public OrchestrationRuntimeStatus? Status { get; init; }
    /// <summary>For ExecutionStarted of a sub-orchestration: who to tell when it ends.</summary>
    public ParentInstance? Parent { get; init; }

    public bool IsScheduling => Kind is HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated or HistoryEventKind.SubOrchestrationCreated;
}

public sealed record ParentInstance(string InstanceId, int Generation, int EventId);
