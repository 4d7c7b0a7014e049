using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Replay;
using Apprenticeships.Durable.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable.Worker;

/// <summary>
/// Moves one instance forward: load its partition, replay with the new messages, commit one
/// checkpoint, then send what the checkpoint owes. Activities the step scheduled run here at
/// once and their results feed the next checkpoint (no queue round trip); their outbox row stays
/// until those results are committed, so a crash in between still re-dispatches them.
/// </summary>
internal sealed class OrchestrationProcessor(
    TaskHub hub, InstanceStore store, HubQueue queue, TimerIndex timers, StatusProjection projection,
    ActivityRunner activities, IServiceProvider services, TimeProvider clock, ILoggerFactory loggers)
{
    private const int MaxInlineSteps = 200;
    private readonly ILogger _log = loggers.CreateLogger("Apprenticeships.Durable.Orchestrations");

    /// <param name="afterFirstCommit">Settles the delivered messages (deletes them from their queue) once their effect is committed.</param>
    public async Task ProcessAsync(string instanceId, IReadOnlyList<WorkMessage> messages, Func<Task> afterFirstCommit, CancellationToken ct)
    {
        var pending = messages.ToList();
        InstancePartition? partition = null;
        var conflicts = 0;
        for (var step = 0; pending.Count > 0; step++)
        {
            partition ??= await store.LoadAsync(instanceId, ct);
            Checkpoint? checkpoint;
            try
            {
                checkpoint = await CommitAsync(partition, pending, ct);
            }
            catch (CheckpointConflictException) when (++conflicts < 20)
            {
                partition = null;
                continue;
            }
            if (step == 0)
            {
                await afterFirstCommit();
            }
            if (checkpoint is null) return;
            pending = await AfterCommitAsync(partition, checkpoint, inline: step < MaxInlineSteps, ct);
            if (checkpoint.NextGenerationStart is not null) partition = null;
        }
    }

    /// <summary>Returns null when the messages change nothing (duplicates, or for an instance that is gone or finished).</summary>
    private async Task<Checkpoint?> CommitAsync(InstancePartition partition, List<WorkMessage> messages, CancellationToken ct)
    {
        var state = partition.State;
        // A batch can hold the same message twice (a resend beside the original): apply it once.
        var fresh = messages.DistinctBy(m => m.Id).Where(m => !partition.MessageIds.Contains(m.Id) && m.Event is not null &&
            (m.Generation == -1 || m.Generation == partition.Generation || (state is null && m.Event.Kind == HistoryEventKind.ExecutionStarted))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        if (state is null)
        {
            var start = fresh.FirstOrDefault(m => m.Event!.Kind == HistoryEventKind.ExecutionStarted);
            if (start is null) return null;
            state = new TableEntity(partition.InstanceId, "state")
            {
                ["Name"] = start.Event!.Name, ["Status"] = nameof(OrchestrationRuntimeStatus.Pending), ["Generation"] = start.Generation,
                ["CreatedAt"] = now, ["Version"] = 0,
            };
        }
        else if (partition.Status.IsTerminal() || fresh.Count == 0)
        {
            return null;
        }

        var chunk = new List<HistoryEvent> { new() { Kind = HistoryEventKind.OrchestratorStarted, Timestamp = now } };
        foreach (var m in fresh)
        {
            chunk.Add(m.Event! with { MessageId = m.Id, Timestamp = now });
            chunk.AddRange(m.Carried ?? []);
        }
        var started = partition.History.Concat(chunk).FirstOrDefault(e => e.Kind == HistoryEventKind.ExecutionStarted);
        var result = started is null ? null : Execute(partition, state, started, chunk);
        if (result is not null)
        {
            chunk.AddRange(result.Actions.Select(a => a.ToHistory(now)));
            if (result.Status.IsTerminal())
            {
                chunk.Add(new HistoryEvent { Kind = HistoryEventKind.ExecutionCompleted, Status = result.Status, Data = result.Output, Failure = result.Failure, Timestamp = now });
            }
        }

        var previousStatus = state.GetString("Status");
        var next = new TableEntity(state) { ETag = default };
        next["Status"] = (result?.Status switch
        {
            null => OrchestrationRuntimeStatus.Pending,
            OrchestrationRuntimeStatus.ContinuedAsNew => OrchestrationRuntimeStatus.Running,
            var s => s.Value,
        }).ToString();
        next["UpdatedAt"] = now;
        next["Version"] = (state.GetInt32("Version") ?? 0) + 1;
        if (result is not null)
        {
            next["CustomStatus"] = result.CustomStatus ?? state.GetString("CustomStatus");
            await new LargeText(hub).WriteAsync(next, "Output", result.Output, partition.InstanceId);
            next["Failure"] = result.Failure is null ? null : JsonPayload.Serialize(result.Failure);
        }
        if (chunk.FirstOrDefault(e => e.Kind == HistoryEventKind.ExecutionStarted) is { } begun)
        {
            await new LargeText(hub).WriteAsync(next, "Input", begun.Data, partition.InstanceId);
        }
        var statusChanged = previousStatus != next.GetString("Status") || state.GetString("CustomStatus") != next.GetString("CustomStatus") || partition.State is null;
        var checkpoint = Checkpoint.Plan(partition, next, chunk, result, statusChanged);

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, await store.HistoryRowAsync(partition.InstanceId, state.GetInt32("Generation")!.Value, partition.NextChunk, chunk)),
        };
        foreach (var row in checkpoint.NewOutbox)
            actions.Add(new(TableTransactionActionType.Add, await store.OutboxRowAsync(partition.InstanceId, row.RowKey, row.Items)));
        foreach (var row in checkpoint.RewrittenOutbox)
            actions.Add(new(TableTransactionActionType.UpsertReplace, await store.OutboxRowAsync(partition.InstanceId, row.RowKey, row.Items)));
        foreach (var key in checkpoint.Deletes)
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition.InstanceId, key), ETag.All));

        var etag = await store.CommitAsync(next, partition.State?.ETag, actions, ct);
        next.ETag = etag;
        Apply(partition, checkpoint);
        return checkpoint;
    }

    private ExecutionResult Execute(InstancePartition partition, TableEntity state, HistoryEvent started, List<HistoryEvent> chunk)
    {
        var orchestrator = hub.Options.Orchestrators.TryGetValue(started.Name!, out var type)
            ? (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type)
            : null;
        if (orchestrator is null)
        {
            return new ExecutionResult
            {
                Status = OrchestrationRuntimeStatus.Failed,
                Failure = new("OrchestratorNotFound", $"No orchestrator named '{started.Name}' is registered with this worker."),
            };
        }
        return OrchestrationExecutor.Execute(orchestrator, partition.InstanceId, state.GetInt32("Generation")!.Value, partition.History, chunk, loggers);
    }

    /// <summary>Makes the in-memory partition match what was just committed, so the next step needs no read.</summary>
    private static void Apply(InstancePartition partition, Checkpoint checkpoint)
    {
        partition.State = checkpoint.State;
        partition.Record(checkpoint.Chunk);
        partition.NextChunk++;
        partition.Outbox.RemoveAll(r => checkpoint.Deletes.Contains(r.RowKey) || checkpoint.RewrittenOutbox.Any(w => w.RowKey == r.RowKey));
        partition.Outbox.AddRange(checkpoint.RewrittenOutbox);
        partition.Outbox.AddRange(checkpoint.NewOutbox);
        partition.StaleRows.RemoveAll(checkpoint.Deletes.Contains);
    }

    private async Task<List<WorkMessage>> AfterCommitAsync(InstancePartition partition, Checkpoint checkpoint, bool inline, CancellationToken ct)
    {
        var next = new List<WorkMessage>();
        var local = new List<OutboxItem>();
        foreach (var row in checkpoint.NewOutbox)
        {
            if (row.RowKey.EndsWith("start"))
            {
                next.Add(row.Items[0].Message);
            }
            else if (row.AwaitsResults)
            {
                foreach (var item in row.Items)
                {
                    var remote = !hub.Options.RunActivitiesInline || !inline ||
                        (hub.Options.Activities.TryGetValue(item.Message.Activity!.Name, out var a) && a.Remote);
                    if (remote) await queue.SendAsync(hub.Work, item.Message);
                    else local.Add(item);
                }
            }
            else
            {
                await SendAsync(row.Items, ct);
                await hub.Instances.DeleteEntityAsync(partition.InstanceId, row.RowKey, ETag.All, ct);
            }
        }
        if (checkpoint.StatusChanged)
        {
            await projection.UpsertAsync(partition.InstanceId, checkpoint.State, ct);
        }
        next.AddRange(await Task.WhenAll(local.Select(i => activities.RunAsync(partition.InstanceId, i.Message, ct))));
        return next;
    }

    public async Task SendAsync(IEnumerable<OutboxItem> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            switch (item.Target)
            {
                case OutboxTarget.Timer: await timers.SetAsync(item.FireAt!.Value, item.Message, ct); break;
                case OutboxTarget.Work: await queue.SendAsync(hub.Work, item.Message); break;
                default: await queue.SendAsync(hub.Control, item.Message); break;
            }
        }
    }
}
