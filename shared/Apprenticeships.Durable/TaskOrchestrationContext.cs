using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable;

/// <summary>
/// What an orchestrator may do. Every call is recorded in history and replayed, so time, ids
/// and randomness must come from here, never from DateTime.Now or Guid.NewGuid().
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract string InstanceId { get; }
    public abstract string Name { get; }
    public abstract bool IsReplaying { get; }

    /// <summary>The runtime clock's time when this step began: the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, string? instanceId = null, TaskOptions? options = null);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>Waits for an event raised by name (case-insensitive). An event raised before the wait is kept for it.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default);

    /// <summary>As above, but gives up after <paramref name="timeout"/> with a <see cref="TaskCanceledException"/>.</summary>
    public async Task<T> WaitForExternalEvent<T>(string name, TimeSpan timeout)
    {
        using var cancelTimer = new CancellationTokenSource();
        using var cancelWait = new CancellationTokenSource();
        var timer = CreateTimer(CurrentUtcDateTime + timeout, cancelTimer.Token);
        var received = WaitForExternalEvent<T>(name, cancelWait.Token);
        if (await Task.WhenAny(received, timer) == received)
        {
            cancelTimer.Cancel();
            return await received;
        }
        cancelWait.Cancel();
        throw new TaskCanceledException($"No '{name}' event arrived within {timeout}.");
    }

    /// <summary>Restarts this instance with new input and empty history (keeps history bounded in loops).</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A small JSON-serialisable value shown in status and queries: ids and stages, never personal data.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A Guid that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays quiet while replaying, so each line is written once.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);
}
