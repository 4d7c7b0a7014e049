namespace Apprenticeships.Durable.Replay;

/// <summary>
/// Runs orchestrator code on the replaying thread only, one continuation at a time, in the
/// order history completes its tasks. Awaits inside an orchestrator capture this scheduler, so
/// WhenAny/WhenAll resolve the same way on every replay.
/// </summary>
internal sealed class ReplayScheduler : TaskScheduler
{
    private readonly Queue<Task> _ready = new();

    protected override void QueueTask(Task task) => _ready.Enqueue(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _ready.ToArray();

    public Task<T> Start<T>(Func<Task<T>> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, this).Unwrap();

    /// <summary>Runs everything that is ready, including what that work makes ready.</summary>
    public void Drain()
    {
        while (_ready.TryDequeue(out var task))
        {
            TryExecuteTask(task);
        }
    }
}
