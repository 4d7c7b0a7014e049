using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Replay;
using Apprenticeships.Durable.Storage;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Worker;

/// <summary>
/// Turns one replay's result into the rows of one checkpoint: the new history chunk, the outbox
/// rows for what must be sent, and the outbox rows this step settles.
/// </summary>
internal sealed class Checkpoint
{
    public required TableEntity State { get; init; }
    public required List<HistoryEvent> Chunk { get; init; }
    public List<OutboxRow> NewOutbox { get; } = [];
    public List<OutboxRow> RewrittenOutbox { get; } = [];
    public List<string> Deletes { get; } = [];
    public WorkMessage? NextGenerationStart { get; set; }
    public bool StatusChanged { get; init; }

    public static Checkpoint Plan(InstancePartition partition, TableEntity state, List<HistoryEvent> chunk, ExecutionResult? result, bool statusChanged)
    {
        var instanceId = partition.InstanceId;
        var generation = state.GetInt32("Generation")!.Value;
        var chunkNumber = partition.NextChunk;
        var checkpoint = new Checkpoint { State = state, Chunk = chunk, StatusChanged = statusChanged };
        var calls = new List<OutboxItem>();
        var sends = new List<OutboxItem>();
        foreach (var action in result?.Actions ?? [])
        {
            switch (action.Kind)
            {
                case HistoryEventKind.TaskScheduled:
                    calls.Add(new OutboxItem(OutboxTarget.Work, new WorkMessage
                    {
                        Id = MessageIds.Call(instanceId, generation, action.EventId), InstanceId = instanceId, Generation = generation,
                        Activity = new ActivityCall(action.Name, action.EventId, action.Input),
                    }));
                    break;
                case HistoryEventKind.TimerCreated:
                    sends.Add(new OutboxItem(OutboxTarget.Timer, new WorkMessage
                    {
                        Id = MessageIds.Timer(instanceId, generation, action.EventId), InstanceId = instanceId, Generation = generation,
                        Event = new HistoryEvent { Kind = HistoryEventKind.TimerFired, EventId = action.EventId, FireAt = action.FireAt },
                    }, action.FireAt));
                    break;
                case HistoryEventKind.SubOrchestrationCreated:
                    sends.Add(new OutboxItem(OutboxTarget.Control, new WorkMessage
                    {
                        Id = MessageIds.Start(action.InstanceId!, 0), InstanceId = action.InstanceId!, Generation = 0,
                        Event = new HistoryEvent
                        {
                            Kind = HistoryEventKind.ExecutionStarted, Name = action.Name, Data = action.Input,
                            Parent = new ParentInstance(instanceId, generation, action.EventId),
                        },
                    }));
                    break;
            }
        }
        var parent = partition.History.Concat(chunk).FirstOrDefault(e => e.Kind == HistoryEventKind.ExecutionStarted)?.Parent;
        if (result is { Status: var s } && s.IsTerminal() && parent is not null)
        {
            sends.Add(new OutboxItem(OutboxTarget.Control, new WorkMessage
            {
                Id = MessageIds.Result(instanceId, generation, -1), InstanceId = parent.InstanceId, Generation = parent.Generation,
                Event = new HistoryEvent
                {
                    Kind = s == OrchestrationRuntimeStatus.Completed ? HistoryEventKind.SubOrchestrationCompleted : HistoryEventKind.SubOrchestrationFailed,
                    EventId = parent.EventId, Data = result.Output,
                    Failure = result.Failure ?? (s == OrchestrationRuntimeStatus.Terminated ? new("Terminated", result.Output ?? "terminated") : null),
                },
            }));
        }
        if (result?.ContinueAsNew is { } next)
        {
            var started = partition.History.Concat(chunk).First(e => e.Kind == HistoryEventKind.ExecutionStarted);
            checkpoint.NextGenerationStart = new WorkMessage
            {
                Id = MessageIds.Start(instanceId, generation + 1), InstanceId = instanceId, Generation = generation + 1,
                Event = new HistoryEvent { Kind = HistoryEventKind.ExecutionStarted, Name = started.Name, Data = next.Input, Parent = started.Parent },
                Carried = next.CarriedEvents,
            };
            state["Generation"] = generation + 1;
            checkpoint.NewOutbox.Add(new OutboxRow(InstancePartition.StartKey(generation + 1),
                [new OutboxItem(OutboxTarget.Control, checkpoint.NextGenerationStart)], null));
        }
        if (calls.Count > 0) checkpoint.NewOutbox.Add(new OutboxRow(InstancePartition.OutboxKey(generation, chunkNumber, true), calls, null));
        if (sends.Count > 0) checkpoint.NewOutbox.Add(new OutboxRow(InstancePartition.OutboxKey(generation, chunkNumber, false), sends, null));
        checkpoint.SettleOutbox(partition, chunk, generation);
        return checkpoint;
    }

    /// <summary>Outbox rows whose work this chunk completes are shrunk or deleted in the same transaction.</summary>
    private void SettleOutbox(InstancePartition partition, List<HistoryEvent> chunk, int generation)
    {
        var results = chunk.Where(e => e.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed).Select(e => e.EventId).ToHashSet();
        foreach (var row in partition.Outbox)
        {
            if (row.AwaitsResults)
            {
                var remaining = row.Items.Where(i => !results.Contains(i.Message.Activity!.EventId)).ToList();
                if (remaining.Count == 0) Deletes.Add(row.RowKey);
                else if (remaining.Count < row.Items.Count) RewrittenOutbox.Add(row with { Items = remaining });
            }
            else if (row.RowKey == InstancePartition.StartKey(generation) && chunk.Any(e => e.MessageId == row.Items[0].Message.Id))
            {
                Deletes.Add(row.RowKey);
            }
        }
        // Rows of earlier generations (ContinueAsNew, restarts) go a few at a time, inside the 100-action limit.
        var room = 90 - NewOutbox.Count - RewrittenOutbox.Count - Deletes.Count;
        Deletes.AddRange(partition.StaleRows.Take(Math.Max(0, room)));
    }
}
