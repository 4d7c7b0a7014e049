using Apprenticeships.Durable;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Functions.Activities;

/// <summary>Moves the candidate to a stage and notes it on their timeline (a retry writes the same row).</summary>
public sealed class RecordCandidateStage(CandidateStore candidates, CandidateTimeline timeline, TimeProvider clock) : TaskActivity<StageChange, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StageChange change)
    {
        var now = clock.GetUtcNow();
        var moved = await candidates.MoveToAsync(change.CandidateId, change.Stage, now, change.Reason);
        if (moved is null) return false;
        await timeline.AddAsync(change.CandidateId, context.IdempotencyKey, new TimelineEntry(now, moved.Stage, change.What));
        return moved.Stage == change.Stage;
    }
}
