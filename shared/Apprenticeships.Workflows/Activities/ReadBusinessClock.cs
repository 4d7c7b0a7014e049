using Apprenticeships.Application.Clock;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// The business clock's offset (ticks) when a workflow starts; later moves reach the workflow as
/// events. Zero wherever the clock is real time (production).
/// </summary>
public sealed class ReadBusinessClock(TimeProvider clock) : TaskActivity<object?, long>
{
    public override async Task<long> RunAsync(TaskActivityContext context, object? input) =>
        clock is BusinessClock business ? (await business.RefreshAsync(CancellationToken.None)).Ticks : 0;
}
