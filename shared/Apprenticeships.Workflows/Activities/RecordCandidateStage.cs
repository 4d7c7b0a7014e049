using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Workflows.Activities;

/// <summary>Moves the candidate to a stage and notes it on their timeline (a retry writes the same row).</summary>
public sealed class RecordCandidateStage(CandidateStore candidates, CandidateTimeline timeline, TimeProvider clock) : TaskActivity<Keyed<StageChange>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Keyed<StageChange> step)
    {
        var change = step.Value;
        var now = clock.GetUtcNow();
        var moved = await candidates.MoveToAsync(change.CandidateId, change.Stage, now, change.Reason);
        if (moved is null) return false;
        await timeline.AddAsync(change.CandidateId, step.Key, new TimelineEntry(now, moved.Stage, change.What));
        return moved.Stage == change.Stage;
    }
}
