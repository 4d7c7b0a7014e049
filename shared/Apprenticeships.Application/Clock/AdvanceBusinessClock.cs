using Apprenticeships.Application.Workflows;

namespace Apprenticeships.Application.Clock;

/// <summary>
/// Development's "move time on": the business clock's offset grows by a positive duration and
/// every running workflow hears the new offset, so what falls due in that span happens now.
/// The offset is stored before the workflows are told: a crash in between leaves them waiting
/// on the old dates until the next move or the app's next start, which tells them again.
/// </summary>
public sealed class AdvanceBusinessClock(TimeProvider clock, IWorkflows workflows)
{
    /// <summary>Ten years in one move: more than any pipeline needs, and far from the end of the calendar, which a clock cannot pass.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3660);

    public async Task<Result<TimeSpan>> RunAsync(TimeSpan by, CancellationToken ct)
    {
        if (clock is not BusinessClock business)
            return Problem.Invalid("by", "The business clock moves only in Development.");
        if (by <= TimeSpan.Zero || by > Longest)
            return Problem.Invalid("by", "Give a positive duration of at most ten years (3660 days), such as P30D, P2W or PT12H.");
        var offset = await business.AdvanceAsync(by, ct);
        await workflows.BusinessClockMovedAsync(offset, ct);
        return Result<TimeSpan>.Ok(offset);
    }

    /// <summary>Tells the workflows the stored offset again (at start-up, after a crash between storing and telling).</summary>
    public async Task RepeatAsync(CancellationToken ct)
    {
        if (clock is not BusinessClock business) return;
        var offset = await business.RefreshAsync(ct);
        if (offset > TimeSpan.Zero) await workflows.BusinessClockMovedAsync(offset, ct);
    }
}
