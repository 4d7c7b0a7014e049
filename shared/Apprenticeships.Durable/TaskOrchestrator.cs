namespace Apprenticeships.Durable;

/// <summary>An orchestrator: deterministic code that schedules work through its context.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>
/// Base class for orchestrators, named and shaped like Microsoft.DurableTask's. RunAsync is
/// replayed from history many times, so it must only do I/O through the context.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    public Type InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}
