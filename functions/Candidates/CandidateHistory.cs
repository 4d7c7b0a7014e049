using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Candidates;

/// <summary>
/// What has happened to a candidate, oldest first: their stage changes and the programme facts
/// recorded about them (attendance, outcomes, confirmations), each fact with the stage it fell in.
/// The timeline API and the candidate page both show this.
/// </summary>
public sealed class CandidateHistory(CandidateTimeline timeline, ProgrammeRecords records)
{
    public async Task<(List<TimelineEntry> Stages, List<TimelineEntry> Events)> ReadAsync(string candidateId, CancellationToken ct)
    {
        var stages = await timeline.ListAsync(candidateId, ct);
        var facts = (await records.ForCandidateAsync(candidateId, ct)).Select(r => new TimelineEntry(r.At, StageAt(stages, r.At), RecordDescriptions.Describe(r)));
        return (stages, stages.Concat(facts).OrderBy(e => e.At).ToList());
    }

    private static CandidateStage StageAt(List<TimelineEntry> stages, DateTimeOffset at) =>
        stages.LastOrDefault(e => e.At <= at)?.Stage ?? CandidateStage.Referred;
}
