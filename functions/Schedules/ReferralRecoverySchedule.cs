namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// Every minute: start the journeys of enrolments a crash cut short (<see cref="ReferralRecovery"/>).
/// A hosted loop in this process; every instance runs it, which is safe because starting a
/// journey that exists does nothing.
/// </summary>
public sealed class ReferralRecoverySchedule(ReferralRecovery recovery, ILogger<ReferralRecoverySchedule> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var started = await recovery.RecoverAsync(stoppingToken);
                if (started.Count > 0) log.LogWarning("Started {Count} journeys that an interrupted enrolment left unstarted: {Candidates}", started.Count, string.Join(", ", started));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not look for unstarted journeys; trying again in a minute");
            }
        }
    }
}
