namespace Apprenticeships.Durable;

/// <summary>Why something failed, kept in history and status: the exception's type and message.</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception e) => e is TaskFailedException failed
        ? failed.FailureDetails
        : new(e.GetType().FullName ?? e.GetType().Name, e.Message, e.StackTrace,
            e.InnerException is null ? null : FromException(e.InnerException));

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}

/// <summary>Thrown into an orchestrator when an activity or sub-orchestration it called failed.</summary>
public sealed class TaskFailedException(string taskName, int eventId, TaskFailureDetails failure)
    : Exception($"Task '{taskName}' (#{eventId}) failed: {failure}")
{
    public string TaskName { get; } = taskName;
    public int EventId { get; } = eventId;
    public TaskFailureDetails FailureDetails { get; } = failure;
}

/// <summary>The orchestrator's code no longer matches the history of a running instance.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);

/// <summary>An instance with this id is already pending or running.</summary>
public sealed class OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"Orchestration instance '{instanceId}' already exists and is {status}.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>No instance with this id exists.</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : InvalidOperationException($"No orchestration instance '{instanceId}' exists.")
{
    public string InstanceId { get; } = instanceId;
}
