using Apprenticeships.Durable.History;

namespace Apprenticeships.Durable.Replay;

/// <summary>Something new the orchestrator asked for in this step, to be recorded and sent.</summary>
internal sealed record OrchestratorAction(HistoryEventKind Kind, int EventId, string Name, string? Input, DateTime? FireAt, string? InstanceId)
{
    public HistoryEvent ToHistory(DateTime now) => new()
    {
        Kind = Kind,
        EventId = EventId,
        Name = Name,
        FireAt = FireAt,
        InstanceId = InstanceId,
        Timestamp = now,
    };

    public string Describe() => Kind switch
    {
        HistoryEventKind.TaskScheduled => $"CallActivity '{Name}'",
        HistoryEventKind.TimerCreated => "CreateTimer",
        HistoryEventKind.SubOrchestrationCreated => $"CallSubOrchestrator '{Name}'",
        _ => Kind.ToString(),
    };

    public static string Describe(HistoryEvent e) => new OrchestratorAction(e.Kind, e.EventId, e.Name ?? "", null, null, null).Describe();
}

/// <summary>What one replay of an orchestrator produced.</summary>
internal sealed record ExecutionResult
{
    public List<OrchestratorAction> Actions { get; init; } = [];
    public OrchestrationRuntimeStatus Status { get; init; }
    public string? Output { get; init; }
    public TaskFailureDetails? Failure { get; init; }
    public string? CustomStatus { get; init; }
    /// <summary>Set when the orchestrator called ContinueAsNew: the next generation's input and carried events.</summary>
    public ContinueAsNewRequest? ContinueAsNew { get; init; }
}

internal sealed record ContinueAsNewRequest(string? Input, List<HistoryEvent> CarriedEvents);
