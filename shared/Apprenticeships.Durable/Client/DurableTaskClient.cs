using System.Text.Json;
using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Client;

/// <summary>Starts, signals, inspects and cleans up orchestration instances.</summary>
public sealed partial class DurableTaskClient
{
    private readonly TaskHub _hub;
    private readonly InstanceStore _store;
    private readonly HubQueue _queue;
    private readonly StatusProjection _projection;
    private readonly LargeText _text;
    private readonly TimeProvider _clock;

    internal DurableTaskClient(TaskHub hub, InstanceStore store, HubQueue queue, StatusProjection projection, LargeText text, TimeProvider clock) =>
        (_hub, _store, _queue, _projection, _text, _clock) = (hub, store, queue, projection, text, clock);

    /// <summary>
    /// Starts an instance. With a caller-chosen id, starting one that is pending, running or
    /// suspended throws <see cref="OrchestrationAlreadyExistsException"/>; a finished one is restarted.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string name, object? input = null, string? instanceId = null, CancellationToken ct = default)
    {
        if (!_hub.Options.Orchestrators.ContainsKey(name)) throw new ArgumentException($"No orchestrator named '{name}' is registered.", nameof(name));
        await _hub.EnsureCreatedAsync(ct);
        instanceId ??= Guid.NewGuid().ToString("N");
        var serializedInput = JsonPayload.Serialize(input);
        // Most ids are new: try to create first, and read only when the id is taken.
        try
        {
            return await StartAsync(name, instanceId, serializedInput, previous: null, ct);
        }
        catch (CheckpointConflictException)
        {
            var existing = await _hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "state", cancellationToken: ct);
            var previous = existing.HasValue ? existing.Value! : throw new OrchestrationAlreadyExistsException(instanceId, OrchestrationRuntimeStatus.Pending);
            if (Status(previous) is var status && !status.IsTerminal()) throw new OrchestrationAlreadyExistsException(instanceId, status);
            try
            {
                return await StartAsync(name, instanceId, serializedInput, previous, ct);
            }
            catch (CheckpointConflictException)
            {
                throw new OrchestrationAlreadyExistsException(instanceId, OrchestrationRuntimeStatus.Pending);
            }
        }
    }

    private async Task<string> StartAsync(string name, string instanceId, string? serializedInput, TableEntity? previous, CancellationToken ct)
    {
        var generation = previous is null ? 0 : previous.GetInt32("Generation")!.Value + 1;
        var now = _clock.GetUtcNow().UtcDateTime;
        var state = new TableEntity(instanceId, "state")
        {
            ["Name"] = name, ["Status"] = nameof(OrchestrationRuntimeStatus.Pending), ["Generation"] = generation,
            ["CreatedAt"] = now, ["UpdatedAt"] = now, ["Version"] = (previous?.GetInt32("Version") ?? 0) + 1,
        };
        await _text.WriteAsync(state, "Input", serializedInput, instanceId);
        var start = new WorkMessage
        {
            Id = MessageIds.Start(instanceId, generation), InstanceId = instanceId, Generation = generation,
            Event = new HistoryEvent { Kind = HistoryEventKind.ExecutionStarted, Name = name, Data = serializedInput, Timestamp = now },
        };
        // The start message is committed with the state row as an outbox row, so a crash before
        // the send below leaves it for the sweeper; the instance's first checkpoint deletes it.
        var outbox = await _store.OutboxRowAsync(instanceId, InstancePartition.StartKey(generation), [new OutboxItem(OutboxTarget.Control, start)]);
        await _store.CommitAsync(state, previous?.ETag, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, outbox)], ct);
        await _queue.SendAsync(_hub.Control, start);
        await _projection.UpsertAsync(instanceId, state, ct);
        return instanceId;
    }

    /// <summary>Sends an event to a waiting (or soon waiting) instance. Pass an event id to make resends harmless.</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, string? eventId = null, CancellationToken ct = default)
    {
        await RequireAsync(instanceId, ct);
        await SendAsync(instanceId, new HistoryEvent { Kind = HistoryEventKind.EventRaised, Name = eventName, Data = JsonPayload.Serialize(payload) },
            eventId is null ? null : $"e:{instanceId}:{eventId}");
    }

    public async Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken ct = default)
    {
        await RequireAsync(instanceId, ct);
        await SendAsync(instanceId, new HistoryEvent { Kind = HistoryEventKind.ExecutionTerminated, Data = JsonPayload.Serialize(reason) });
    }

    public async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken ct = default)
    {
        await RequireAsync(instanceId, ct);
        await SendAsync(instanceId, new HistoryEvent { Kind = HistoryEventKind.ExecutionSuspended, Data = JsonPayload.Serialize(reason) });
    }

    public async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken ct = default)
    {
        await RequireAsync(instanceId, ct);
        await SendAsync(instanceId, new HistoryEvent { Kind = HistoryEventKind.ExecutionResumed, Data = JsonPayload.Serialize(reason) });
    }

    private Task SendAsync(string instanceId, HistoryEvent e, string? messageId = null) =>
        _queue.SendAsync(_hub.Control, new WorkMessage { Id = messageId ?? $"c:{Guid.NewGuid():N}", InstanceId = instanceId, Event = e });

    private async Task RequireAsync(string instanceId, CancellationToken ct)
    {
        await _hub.EnsureCreatedAsync(ct);
        var state = await _hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "state", ["RowKey"], ct);
        if (!state.HasValue) throw new InstanceNotFoundException(instanceId);
    }

    private static OrchestrationRuntimeStatus Status(TableEntity row) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(row.GetString("Status"), out var s) ? s : OrchestrationRuntimeStatus.Pending;
}
