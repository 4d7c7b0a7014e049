using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// Microsoft.DurableTask's client over the Azure Storage engine directly, for hosts without a
/// Durable Functions host. Written here because the SDK's own adapter for this
/// (Client.OrchestrationServiceClientShim) is not in the package feed we build from; it sends the
/// engine the same messages Durable Functions' client does, serialised as the workers read them.
/// </summary>
public sealed class EngineClient(AzureStorageOrchestrationService engine) : DurableTaskClient("engine")
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A start is refused while an instance with the id is pending, running or suspended (Durable Functions' rule).</summary>
    private static readonly CoreStatus[] DedupeStatuses = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.Suspended];

    private static DataConverter Converter => WorkflowJson.Converter;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = new OrchestrationInstance { InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"), ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, Converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
        };
        await engine.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, DedupeStatuses);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, Converter.Serialize(eventPayload)) { Name = eventName });

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        engine.ForceTerminateTaskOrchestrationAsync(instanceId, options?.Output as string ?? Converter.Serialize(options?.Output));

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var states = await engine.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs);
        return states.FirstOrDefault() is { } state ? Metadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var condition = new OrchestrationInstanceStatusQueryCondition
            {
                RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)s),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime ?? default,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime ?? default,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInput = filter?.FetchInputsAndOutputs ?? false,
                FetchOutput = filter?.FetchInputsAndOutputs ?? false,
            };
            var page = await engine.GetOrchestrationStateAsync(condition, pageSize ?? filter?.PageSize ?? 100, continuation ?? filter?.ContinuationToken, cancellation);
            return new Page<OrchestrationMetadata>([.. page.OrchestrationState.Select(s => Metadata(s, filter?.FetchInputsAndOutputs ?? false))], page.ContinuationToken);
        });

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending } metadata) return metadata;
            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { IsCompleted: true } metadata) return metadata;
            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<Microsoft.DurableTask.Client.PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var purged = await engine.PurgeInstanceHistoryAsync(instanceId);
        return new Microsoft.DurableTask.Client.PurgeResult(purged.InstancesDeleted);
    }

    /// <summary>Runs a failed instance again from its failed steps (the engine's rewind), keeping everything it did before.</summary>
    public override Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default) =>
        engine.RewindTaskOrchestrationAsync(instanceId, reason);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent message) =>
        engine.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = message });

    private static OrchestrationMetadata Metadata(OrchestrationState state, bool withInputs) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = Converter,
        RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
        CreatedAt = state.CreatedTime,
        LastUpdatedAt = state.LastUpdatedTime,
        SerializedInput = withInputs ? state.Input : null,
        SerializedOutput = withInputs ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.OrchestrationStatus == CoreStatus.Failed ? Failure(state) : null,
    };

    /// <summary>
    /// Why an instance failed, with the failures under it (a failed activity under a failed
    /// sub-orchestration). The engine keeps the details in the instance's output as JSON.
    /// </summary>
    private static TaskFailureDetails? Failure(OrchestrationState state)
    {
        if (state.FailureDetails is { } failure) return FromCore(failure);
        if (string.IsNullOrEmpty(state.Output)) return null;
        try
        {
            using var json = JsonDocument.Parse(state.Output);
            if (json.RootElement.ValueKind == JsonValueKind.Object) return FromJson(json.RootElement);
        }
        catch (JsonException)
        {
            // Plain text: the message itself.
        }
        return new TaskFailureDetails("Failure", state.Output, null, null, null);
    }

    private static TaskFailureDetails FromCore(FailureDetails failure) =>
        new(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure is { } inner ? FromCore(inner) : null, null);

    private static TaskFailureDetails FromJson(JsonElement failure)
    {
        string? Text(string name) => failure.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var inner = failure.TryGetProperty("InnerFailure", out var nested) && nested.ValueKind == JsonValueKind.Object ? FromJson(nested) : null;
        return new TaskFailureDetails(Text("ErrorType") ?? "Failure", Text("ErrorMessage") ?? failure.GetRawText(), Text("StackTrace"), inner, null);
    }
}
