using Apprenticeships.Application.Clock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// At start-up in Development, tells running workflows the stored business-clock offset again:
/// a move cut short by a crash (stored, not yet told) is finished. Does nothing in production,
/// where the clock is real time.
/// </summary>
public sealed class BusinessClockRepeat(AdvanceBusinessClock clock, ILogger<BusinessClockRepeat> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await clock.RepeatAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(e, "Could not tell running workflows the business clock's offset; the next move of the clock will.");
        }
    }
}
