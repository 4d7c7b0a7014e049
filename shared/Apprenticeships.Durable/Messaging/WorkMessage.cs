using Apprenticeships.Durable.History;

namespace Apprenticeships.Durable.Messaging;

/// <summary>
/// What travels on the hub's queues. To an orchestration (control queue): an event for its
/// history. To an activity worker (work queue): a call to run. Ids and payloads only; the
/// payloads carry ids, never personal data. <see cref="Id"/> is deterministic where a resend is
/// possible, so the receiver can recognise a duplicate.
/// </summary>
public sealed record WorkMessage
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    /// <summary>The instance generation (ContinueAsNew count) it belongs to; -1 for "whatever is current".</summary>
    public int Generation { get; init; } = -1;
    public HistoryEvent? Event { get; init; }
    public ActivityCall? Activity { get; init; }
    /// <summary>Events carried into a new generation by ContinueAsNew, delivered with its start.</summary>
    public List<HistoryEvent>? Carried { get; init; }
}

public sealed record ActivityCall(string Name, int EventId, string? Input);

/// <summary>The deterministic message ids: one per (instance, generation, step).</summary>
internal static class MessageIds
{
    public static string Result(string instanceId, int generation, int eventId) => $"r:{instanceId}:{generation}:{eventId}";
    public static string Timer(string instanceId, int generation, int eventId) => $"t:{instanceId}:{generation}:{eventId}";
    public static string Call(string instanceId, int generation, int eventId) => $"a:{instanceId}:{generation}:{eventId}";
    public static string Start(string instanceId, int generation) => $"s:{instanceId}:{generation}";
}
