using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable.Worker;

/// <summary>
/// One worker of a task hub. Any number may serve one hub: per-instance order comes from the
/// state row's ETag, so any worker can take any message. Each step is public so tests and the
/// Functions trigger endpoints can drive a worker by hand; the hosted loop just repeats them.
/// </summary>
public sealed partial class DurableWorker : BackgroundService
{
    private readonly TaskHub _hub;
    private readonly HubQueue _queue;
    private readonly OrchestrationProcessor _processor;
    private readonly ActivityRunner _activities;
    private readonly TimerIndex _timers;
    private readonly DeliveryFailures _failures;
    private readonly OutboxSweeper _outbox;
    private readonly StatusRepair _status;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    // Completed (and replaced) whenever this worker puts a message on the control queue itself, so
    // an idle control loop in back-off picks it up at once instead of up to MaxPollInterval later.
    private TaskCompletionSource _controlWork = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly Task Never = new TaskCompletionSource().Task;

    internal DurableWorker(TaskHub hub, HubQueue queue, OrchestrationProcessor processor, ActivityRunner activities, TimerIndex timers,
        DeliveryFailures failures, OutboxSweeper outbox, StatusRepair status, TimeProvider clock, ILoggerFactory loggers)
    {
        (_hub, _queue, _processor, _activities, _timers, _failures, _outbox, _status, _clock) =
            (hub, queue, processor, activities, timers, failures, outbox, status, clock);
        _log = loggers.CreateLogger("Apprenticeships.Durable.Worker");
    }

    /// <summary>Takes one batch from the control queue and moves each instance in it forward.</summary>
    public async Task<int> ProcessControlQueueOnceAsync(CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var batch = await _queue.ReceiveAsync(_hub.Control, ct);
        await Task.WhenAll(batch.Where(r => r.Message is null).Select(r => _failures.HandleAsync(r, r.Undecodable!)));
        await Task.WhenAll(batch.Where(r => r.Message is not null).GroupBy(r => r.Message!.InstanceId).Select(async group =>
        {
            try
            {
                await _processor.ProcessAsync(group.Key, group.Select(r => r.Message!).ToList(), () => Task.WhenAll(group.Select(_queue.DeleteAsync)), ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                foreach (var r in group) await _failures.HandleAsync(r, $"{e.GetType().Name}: {e.Message}");
            }
        }));
        return batch.Count;
    }

    /// <summary>Takes one batch of activity calls from the work queue, runs them, and reports each result.</summary>
    public async Task<int> ProcessWorkQueueOnceAsync(CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var batch = await _queue.ReceiveAsync(_hub.Work, ct);
        await Task.WhenAll(batch.Select(async r =>
        {
            try
            {
                if (r.Message is not { Activity: not null } call) throw new InvalidOperationException(r.Undecodable ?? "not an activity call");
                var result = await _activities.RunAsync(call.InstanceId, call, ct);
                await _queue.SendAsync(_hub.Control, result);
                WakeControlLoop();
                await _queue.DeleteAsync(r);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                await _failures.HandleAsync(r, $"{e.GetType().Name}: {e.Message}");
            }
        }));
        return batch.Count;
    }

    /// <summary>Fires the timers due by the runtime clock.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var due = await _timers.DueAsync(_clock.GetUtcNow(), 100, ct);
        foreach (var (row, message) in due)
        {
            await _queue.SendAsync(_hub.Control, message);
            await _timers.DeleteAsync(row, ct);
            WakeControlLoop();
        }
        return due.Count;
    }

    /// <summary>Resends outbox rows older than <paramref name="olderThan"/> (default: the configured age).</summary>
    public async Task<int> SweepOutboxAsync(TimeSpan? olderThan = null, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        return await _outbox.SweepAsync(olderThan ?? _hub.Options.OutboxResendAfter, ct);
    }

    /// <summary>Rewrites status-projection rows that lag their instance's state row.</summary>
    public async Task<int> RepairStatusAsync(CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        return await _status.RepairAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        Loop(ProcessControlQueueOnceAsync, null, stoppingToken, () => _controlWork.Task),
        Loop(ProcessWorkQueueOnceAsync, null, stoppingToken),
        Loop(FireDueTimersAsync, _hub.Options.TimerPollInterval, stoppingToken),
        Loop(async ct => await SweepOutboxAsync(null, ct) + await RepairStatusAsync(ct), _hub.Options.SweepInterval, stoppingToken));

    private void WakeControlLoop() =>
        Interlocked.Exchange(ref _controlWork, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// Repeats a step: at once while it finds work, backing off while idle, or at a fixed interval;
    /// a back-off ends early when <paramref name="wake"/> completes.
    /// </summary>
    private async Task Loop(Func<CancellationToken, Task<int>> step, TimeSpan? interval, CancellationToken ct, Func<Task>? wake = null)
    {
        await Task.Yield();
        var idle = _hub.Options.MinPollInterval;
        while (!ct.IsCancellationRequested)
        {
            // Taken before the step, so a message sent while the step runs is not missed.
            var woken = wake?.Invoke() ?? Never;
            var found = 0;
            try
            {
                found = await step(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Worker step failed; retrying");
                found = 0;
            }
            var wait = interval ?? (found > 0 ? TimeSpan.Zero : idle);
            idle = found > 0 ? _hub.Options.MinPollInterval : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _hub.Options.MaxPollInterval.Ticks));
            if (wait > TimeSpan.Zero)
            {
                using var sleep = CancellationTokenSource.CreateLinkedTokenSource(ct);
                if (await Task.WhenAny(Task.Delay(wait, sleep.Token), woken) == woken) idle = _hub.Options.MinPollInterval;
                await sleep.CancelAsync();
                if (ct.IsCancellationRequested) return;
            }
        }
    }
}
