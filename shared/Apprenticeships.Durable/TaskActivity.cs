namespace Apprenticeships.Durable;

/// <summary>What an activity knows about the call it is serving.</summary>
public sealed record TaskActivityContext(string Name, string InstanceId, int EventId, string IdempotencyKey);

public interface ITaskActivity
{
    Type InputType { get; }
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>
/// Base class for activities: the place for I/O. Activities run at least once; one with side
/// effects must key them by <see cref="TaskActivityContext.IdempotencyKey"/>, which is the same
/// on every delivery of one scheduled call.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    public Type InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}
