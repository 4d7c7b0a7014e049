using Apprenticeships.Durable.History;

namespace Apprenticeships.Durable.Client;

/// <summary>An instance's status as the client reports it.</summary>
public sealed record OrchestrationMetadata(string InstanceId, string Name)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime LastUpdatedAt { get; init; }
    public string? SerializedInput { get; init; }
    public string? SerializedOutput { get; init; }
    public string? SerializedCustomStatus { get; init; }
    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    public T? ReadInputAs<T>() => SerializedInput is null ? default : JsonPayload.Deserialize<T>(SerializedInput);
    public T? ReadOutputAs<T>() => SerializedOutput is null ? default : JsonPayload.Deserialize<T>(SerializedOutput);
    public T? ReadCustomStatusAs<T>() => SerializedCustomStatus is null ? default : JsonPayload.Deserialize<T>(SerializedCustomStatus);
}

/// <summary>A filter for <see cref="DurableTaskClient.QueryInstancesAsync"/>; all parts optional.</summary>
public sealed record OrchestrationQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    public string? Name { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public int PageSize { get; init; } = 100;
    public string? ContinuationToken { get; init; }
}

public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);

/// <summary>An instance's history, oldest first, for the current generation.</summary>
public sealed record OrchestrationHistory(string InstanceId, int Generation, IReadOnlyList<HistoryEvent> Events);
