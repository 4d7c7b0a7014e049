namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// Start the journeys of enrolments a crash cut short (<see cref="ReferralRecovery"/>);
/// starting a journey that exists does nothing.
/// </summary>
public sealed class ReferralRecoveryJob(ReferralRecovery recovery, ILogger<ReferralRecoveryJob> log) : IScheduledJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var started = await recovery.RecoverAsync(ct);
        if (started.Count > 0) log.LogWarning("Started {Count} journeys that an interrupted enrolment left unstarted: {Candidates}", started.Count, string.Join(", ", started));
    }
}
