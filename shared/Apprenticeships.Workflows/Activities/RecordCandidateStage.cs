using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Workflows.Activities;

/// <summary>Moves the candidate to a stage and notes it on their timeline (a retry writes the same row).</summary>
public sealed class RecordCandidateStage(CandidateStore candidates, CandidateTimeline timeline) : TaskActivity<Keyed<StageChange>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Keyed<StageChange> step)
    {
        var change = step.Value;
        // The workflow's time for the step, not the clock's: a retry must write the very same row.
        var at = new DateTimeOffset(DateTime.SpecifyKind(change.At, DateTimeKind.Utc));
        var moved = await candidates.MoveToAsync(change.CandidateId, change.Stage, at, change.Reason);
        if (moved is null) return false;
        await timeline.AddAsync(change.CandidateId, step.Key, new TimelineEntry(at, moved.Stage, change.What) { ProgrammeId = change.ProgrammeId });
        return moved.Stage == change.Stage;
    }
}
