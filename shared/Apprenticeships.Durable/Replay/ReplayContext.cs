using System.Security.Cryptography;
using System.Text;
using Apprenticeships.Durable.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Apprenticeships.Durable.Replay;

/// <summary>
/// The context an orchestrator runs against during one replay. Each call takes the next event
/// id; if history already holds an action with that id it must be the same action, else the code
/// has changed under a running instance and replay stops with a non-determinism error.
/// </summary>
internal sealed class ReplayContext(
    string instanceId, string name, int generation,
    IReadOnlyDictionary<int, HistoryEvent> pastActions, ILoggerFactory? loggers) : TaskOrchestrationContext
{
    private readonly Dictionary<int, (string Name, TaskCompletionSource<string?> Source)> _pending = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HistoryEvent> _unclaimedEvents = [];
    private int _nextEventId;
    private int _guidCounter;

    public override string InstanceId => instanceId;
    public override string Name => name;
    public override bool IsReplaying => Replaying;
    public override DateTime CurrentUtcDateTime => Now;

    public bool Replaying { get; set; } = true;
    public DateTime Now { get; set; }
    public List<OrchestratorAction> NewActions { get; } = [];
    public NonDeterministicOrchestrationException? Divergence { get; private set; }
    public ContinueAsNewRequest? ContinueAsNewRequest { get; private set; }
    public string? CustomStatus { get; private set; }
    public int ClaimedActions => _nextEventId;

    public override Task<TResult> CallActivityAsync<TResult>(string activity, object? input = null, TaskOptions? options = null) =>
        WithRetry(options, () => Schedule(HistoryEventKind.TaskScheduled, activity, JsonPayload.Serialize(input), null, null))
            .ContinueWith(t => JsonPayload.Deserialize<TResult>(t.GetAwaiter().GetResult()), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestrator, object? input = null, string? childId = null, TaskOptions? options = null) =>
        WithRetry(options, () =>
            {
                var id = childId ?? $"{instanceId}:{generation}:{_nextEventId}";
                return Schedule(HistoryEventKind.SubOrchestrationCreated, orchestrator, JsonPayload.Serialize(input), null, id);
            })
            .ContinueWith(t => JsonPayload.Deserialize<TResult>(t.GetAwaiter().GetResult()), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var task = Schedule(HistoryEventKind.TimerCreated, "timer", null, fireAt.ToUniversalTime(), null);
        if (cancellationToken.CanBeCanceled)
        {
            var id = _nextEventId - 1;
            cancellationToken.Register(() =>
            {
                if (_pending.Remove(id, out var p)) p.Source.TrySetCanceled();
            });
        }
        return task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var source = new TaskCompletionSource<string?>();
        var buffered = _unclaimedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            source.SetResult(_unclaimedEvents[buffered].Data);
            _unclaimedEvents.RemoveAt(buffered);
        }
        else
        {
            if (!_waiters.TryGetValue(eventName, out var list)) _waiters[eventName] = list = new();
            var node = list.AddLast(source);
            cancellationToken.Register(() =>
            {
                if (node.List is not null) list.Remove(node);
                source.TrySetCanceled();
            });
        }
        return source.Task.ContinueWith(t => JsonPayload.Deserialize<T>(t.GetAwaiter().GetResult()), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = new(JsonPayload.Serialize(newInput), preserveUnprocessedEvents ? _unclaimedEvents : []);

    public override void SetCustomStatus(object? customStatus) => CustomStatus = JsonPayload.Serialize(customStatus);

    public override Guid NewGuid()
    {
        // Name-based (RFC 4122 v5 style) from the instance and a counter: same on every replay.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"{instanceId}:{generation}:{_guidCounter++}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, (loggers ?? NullLoggerFactory.Instance).CreateLogger(categoryName));

    /// <summary>Delivers a completion from history; one for a cancelled timer or an unknown id is ignored.</summary>
    public void Complete(HistoryEvent e)
    {
        if (!_pending.Remove(e.EventId, out var p)) return;
        if (e.Kind is HistoryEventKind.TaskFailed or HistoryEventKind.SubOrchestrationFailed)
        {
            p.Source.SetException(new TaskFailedException(p.Name, e.EventId, e.Failure ?? new("Unknown", "No failure details")));
        }
        else
        {
            p.Source.SetResult(e.Data);
        }
    }

    public void Raise(HistoryEvent e)
    {
        if (e.Name is not null && _waiters.TryGetValue(e.Name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.SetResult(e.Data);
            return;
        }
        _unclaimedEvents.Add(e);
    }

    private Task<string?> Schedule(HistoryEventKind kind, string actionName, string? input, DateTime? fireAt, string? childId)
    {
        var id = _nextEventId++;
        var action = new OrchestratorAction(kind, id, actionName, input, fireAt, childId);
        if (pastActions.TryGetValue(id, out var past))
        {
            if (past.Kind != kind || !string.Equals(past.Name ?? "", actionName, StringComparison.Ordinal))
            {
                Divergence ??= new NonDeterministicOrchestrationException(
                    $"Non-deterministic orchestration '{name}' ({instanceId}): at step #{id} the history has " +
                    $"{OrchestratorAction.Describe(past)} but the code now does {action.Describe()}.");
            }
        }
        else
        {
            NewActions.Add(action);
        }
        var source = new TaskCompletionSource<string?>();
        _pending[id] = (actionName, source);
        return source.Task;
    }

    private async Task<string?> WithRetry(TaskOptions? options, Func<Task<string?>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException) when (options?.Retry is { } retry && attempt < retry.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime + retry.DelayBefore(attempt), CancellationToken.None);
            }
        }
    }
}
