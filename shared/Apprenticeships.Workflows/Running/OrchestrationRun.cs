namespace Apprenticeships.Workflows.Running;

/// <summary>
/// What one run of an orchestration adds to the engine's context: business time, signals taken
/// once per reference, and deterministic idempotency keys for side effects. Built again on every
/// replay from history, so everything here is deterministic.
/// <para>
/// Waits never cancel an event wait. The SDK keeps a cancelled waiter on its stack, and an event
/// that arrives while only a cancelled waiter is listening is handed to it and lost; so each
/// event name has one waiter that outlives timeouts and is reused by the next wait.
/// </para>
/// </summary>
public sealed class OrchestrationRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly Dictionary<string, Task> _waiters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private Task<BusinessClockMoved>? _clockMoved;
    private readonly int _generation;
    private TimeSpan _offset;
    private int _step;

    private OrchestrationRun(TaskOrchestrationContext context, TimeSpan offset, int generation, IEnumerable<string> taken)
    {
        _context = context;
        _offset = offset;
        _generation = generation;
        _taken.UnionWith(taken);
    }

    public TaskOrchestrationContext Context => _context;

    /// <summary>
    /// Starts a run: reads the business clock's offset once (an activity, so replays see the same
    /// value). An orchestration that continues as new passes its generation, so keys stay unique,
    /// and the references it has taken, so a repeat sent before it continued is still ignored.
    /// </summary>
    public static async Task<OrchestrationRun> StartAsync(TaskOrchestrationContext context, int generation = 0, IEnumerable<string>? taken = null)
    {
        var ticks = await context.CallActivityAsync<long>(nameof(Activities.ReadBusinessClock), null, Retries.Transient);
        return new OrchestrationRun(context, TimeSpan.FromTicks(ticks), generation, taken ?? []);
    }

    /// <summary>The references taken so far, for the next generation.</summary>
    public IReadOnlyCollection<string> Taken => _taken;

    /// <summary>
    /// The business date and time of this step of the run, counting every clock move that has
    /// reached the run, also those that arrived while it waited on something else (an activity,
    /// a sub-orchestration).
    /// </summary>
    public DateTime Now
    {
        get
        {
            TakeClockMoves();
            return _context.CurrentUtcDateTime + _offset;
        }
    }

    /// <summary>An idempotency key for the next side effect: the instance and the step's place in the run.</summary>
    public string NextKey() => _generation == 0 ? $"{_context.InstanceId}#{++_step}" : $"{_context.InstanceId}#{_generation}.{++_step}";

    /// <summary>Waits until the business time <paramref name="due"/>; returns at once if it has passed.</summary>
    public async Task UntilAsync(DateTime due)
    {
        while (Now < due)
        {
            await NextAsync(due, null);
        }
    }

    /// <summary>The next signal of <paramref name="name"/> not seen before, or null once business time reaches <paramref name="deadline"/>.</summary>
    public async Task<T?> SignalBeforeAsync<T>(string name, DateTime deadline) where T : class
    {
        while (Now < deadline)
        {
            var waiter = Waiter<T>(name);
            await NextAsync(deadline, waiter);
            if (waiter.IsCompleted && Take(name, waiter) is { } value) return value;
        }
        return null;
    }

    /// <summary>The next signal of <paramref name="name"/> not seen before, however long it takes.</summary>
    public async Task<T> SignalAsync<T>(string name) where T : class
    {
        while (true)
        {
            var waiter = Waiter<T>(name);
            await NextAsync(null, waiter);
            if (waiter.IsCompleted && Take(name, waiter) is { } value) return value;
        }
    }

    /// <summary>Waits for the signal; if it has not come by <paramref name="chaseAt"/>, runs <paramref name="chase"/> once and keeps waiting.</summary>
    public async Task<T> SignalChasedAtAsync<T>(string name, DateTime chaseAt, Func<Task> chase) where T : class
    {
        if (await SignalBeforeAsync<T>(name, chaseAt) is { } early) return early;
        await chase();
        return await SignalAsync<T>(name);
    }

    /// <summary>
    /// Takes every clock move that has arrived: one waiter at a time, renewed after each move (a
    /// renewed waiter completes at once with a move that came meanwhile). The waiter is checked,
    /// never cancelled; whether it has completed at a given point is fixed by the history, so
    /// replays agree.
    /// </summary>
    private void TakeClockMoves()
    {
        _clockMoved ??= _context.WaitForExternalEvent<BusinessClockMoved>(BusinessClockMoved.EventName);
        while (_clockMoved.IsCompleted)
        {
            var moved = TimeSpan.FromTicks(_clockMoved.Result.OffsetTicks);
            if (moved > _offset) _offset = moved;
            _clockMoved = _context.WaitForExternalEvent<BusinessClockMoved>(BusinessClockMoved.EventName);
        }
    }

    private Task<Signal<T>> Waiter<T>(string name)
    {
        if (!_waiters.TryGetValue(name, out var waiter))
        {
            _waiters[name] = waiter = _context.WaitForExternalEvent<Signal<T>>(name);
        }
        return (Task<Signal<T>>)waiter;
    }

    /// <summary>The completed waiter's value if its reference is new; the waiter is used up either way.</summary>
    private T? Take<T>(string name, Task<Signal<T>> waiter) where T : class
    {
        _waiters.Remove(name);
        var signal = waiter.Result;
        return _taken.Add(signal.Reference) ? signal.Value : null;
    }

    /// <summary>
    /// Waits for whichever comes first: <paramref name="signal"/>, the business time
    /// <paramref name="due"/>, or a move of the business clock (which re-arms the timer at the
    /// new engine time). A timer that fires early leaves <see cref="Now"/> short of the due time,
    /// and the caller's loop waits again: a business deadline never passes early.
    /// </summary>
    private async Task NextAsync(DateTime? due, Task? signal)
    {
        TakeClockMoves();
        using var cancelTimer = new CancellationTokenSource();
        var waits = new List<Task>(3) { _clockMoved! };
        if (signal is not null) waits.Add(signal);
        if (due is { } at) waits.Add(_context.CreateTimer(at - _offset, cancelTimer.Token));
        await Task.WhenAny(waits);
        TakeClockMoves();
        cancelTimer.Cancel(); // a timer that lost the race is not needed (no-op when it fired)
    }
}
