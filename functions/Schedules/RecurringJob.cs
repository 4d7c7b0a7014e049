namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// A job this process runs every <see cref="Every"/> (and, if <see cref="RunAtStart"/>, once at
/// start-up). A failed run is logged and the next tick tries again: a storage outage must not
/// stop the schedule. Every instance runs its jobs, so a job must be safe to run twice at once.
/// </summary>
public abstract class RecurringJob(ILogger log) : BackgroundService
{
    protected abstract TimeSpan Every { get; }

    protected virtual bool RunAtStart => false;

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        if (RunAtStart) await TryRunAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await TryRunAsync(stoppingToken);
    }

    private async Task TryRunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(e, "{Job} failed; it runs again in {Every}", GetType().Name, Every);
        }
    }
}
