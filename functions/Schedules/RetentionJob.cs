namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// Erase candidates closed for longer than the retention policy (<see cref="CandidateRetention"/>);
/// erasure is safe to repeat.
/// </summary>
public sealed class RetentionJob(CandidateRetention retention, ILogger<RetentionJob> log) : IScheduledJob
{
    public async Task RunAsync(CancellationToken ct)
    {
        var erased = await retention.EraseExpiredAsync(ct);
        if (erased.Count > 0) log.LogInformation("Erased {Count} candidates past the retention period: {Candidates}", erased.Count, string.Join(", ", erased));
    }
}
