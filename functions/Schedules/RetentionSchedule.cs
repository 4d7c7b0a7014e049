namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// Once a day (and at start-up): erase candidates closed for longer than the retention policy
/// (<see cref="CandidateRetention"/>). Every instance may run it; erasure is safe to repeat.
/// </summary>
public sealed class RetentionSchedule(CandidateRetention retention, ILogger<RetentionSchedule> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var erased = await retention.EraseExpiredAsync(stoppingToken);
                if (erased.Count > 0) log.LogInformation("Erased {Count} candidates past the retention period: {Candidates}", erased.Count, string.Join(", ", erased));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "The retention sweep failed; trying again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
