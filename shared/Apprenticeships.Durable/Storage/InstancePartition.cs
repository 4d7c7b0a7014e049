using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Messaging;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Storage;

/// <summary>Where an outbox item goes once its checkpoint is committed.</summary>
internal enum OutboxTarget { Control, Work, Timer }

internal sealed record OutboxItem(OutboxTarget Target, WorkMessage Message, DateTime? FireAt = null);

/// <summary>
/// An outbox row: messages a committed checkpoint still owes. A "pending results" row (activity
/// calls) lives until every call's result is in history; a "send" row is deleted once sent.
/// </summary>
internal sealed record OutboxRow(string RowKey, List<OutboxItem> Items, DateTimeOffset? WrittenAt)
{
    public bool AwaitsResults => RowKey.EndsWith('r');
}

/// <summary>Everything in an instance's table partition, as last read.</summary>
internal sealed class InstancePartition
{
    public required string InstanceId { get; init; }
    public TableEntity? State { get; set; }
    public List<HistoryEvent> History { get; } = [];
    public HashSet<string> MessageIds { get; } = [];
    public List<OutboxRow> Outbox { get; } = [];
    public List<string> StaleRows { get; } = [];
    public int NextChunk { get; set; }

    public int Generation => State?.GetInt32("Generation") ?? 0;

    public OrchestrationRuntimeStatus Status =>
        Enum.TryParse<OrchestrationRuntimeStatus>(State?.GetString("Status"), out var s) ? s : OrchestrationRuntimeStatus.Pending;

    public bool HasResultFor(int eventId) => History.Any(e => e.EventId == eventId &&
        e.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed);

    public void Record(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            History.Add(e);
            if (e.MessageId is not null) MessageIds.Add(e.MessageId);
        }
    }

    public static string HistoryKey(int generation, int chunk) => $"h{generation:D6}-{chunk:D6}";
    public static string OutboxKey(int generation, int chunk, bool awaitsResults) => $"o{generation:D6}-{chunk:D6}{(awaitsResults ? 'r' : 's')}";
    public static string StartKey(int generation) => $"o{generation:D6}-start";
    public static int GenerationOf(string rowKey) => int.Parse(rowKey.AsSpan(1, 6));
}
