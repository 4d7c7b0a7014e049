namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// Every minute: start the journeys of enrolments a crash cut short (<see cref="ReferralRecovery"/>);
/// starting a journey that exists does nothing.
/// </summary>
public sealed class ReferralRecoverySchedule(ReferralRecovery recovery, ILogger<ReferralRecoverySchedule> log) : RecurringJob(log)
{
    protected override TimeSpan Every => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var started = await recovery.RecoverAsync(ct);
        if (started.Count > 0) log.LogWarning("Started {Count} journeys that an interrupted enrolment left unstarted: {Candidates}", started.Count, string.Join(", ", started));
    }
}
