namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// Once a day and at start-up: erase candidates closed for longer than the retention policy
/// (<see cref="CandidateRetention"/>); erasure is safe to repeat.
/// </summary>
public sealed class RetentionSchedule(CandidateRetention retention, ILogger<RetentionSchedule> log) : RecurringJob(log)
{
    protected override TimeSpan Every => TimeSpan.FromDays(1);

    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var erased = await retention.EraseExpiredAsync(ct);
        if (erased.Count > 0) log.LogInformation("Erased {Count} candidates past the retention period: {Candidates}", erased.Count, string.Join(", ", erased));
    }
}
