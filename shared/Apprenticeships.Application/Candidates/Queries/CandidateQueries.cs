using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Queries;

/// <summary>A candidate with what their journey workflow says it is doing.</summary>
public sealed record CandidateWithJourney(Candidate Candidate, WorkflowView? Journey);

/// <summary>Stage changes alone, and everything (stage changes and programme facts) in time order.</summary>
public sealed record CandidateHistory(IReadOnlyList<TimelineEntry> Stages, IReadOnlyList<TimelineEntry> Events);

/// <summary>Finding candidates and reading what has happened to them.</summary>
public sealed class CandidateQueries(CandidateStore candidates, CandidateTimeline timeline, ProgrammeRecords records, IWorkflows workflows)
{
    /// <summary>Candidates at a stage (by name, any case) and matching a search on name, email, postcode or id.</summary>
    public async Task<Result<List<Candidate>>> FindAsync(string? stage, string? search, CancellationToken ct)
    {
        CandidateStage? wanted = null;
        if (!string.IsNullOrEmpty(stage))
        {
            if (!Enum.TryParse<CandidateStage>(stage, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Problem.Invalid("stage", $"Stage must be one of: {string.Join(", ", Enum.GetNames<CandidateStage>())}.");
            wanted = parsed;
        }
        if (search is { Length: > InputLimits.Search }) return Problem.Invalid("q", $"Search for at most {InputLimits.Search} characters.");
        return Result<List<Candidate>>.Ok(await candidates.ListAsync(wanted, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), ct));
    }

    public async Task<Candidate?> GetAsync(string id, CancellationToken ct) => InputLimits.IsId(id) ? await candidates.GetAsync(id, ct) : null;

    public async Task<Result<CandidateWithJourney>> WithJourneyAsync(string id, CancellationToken ct)
    {
        if (!InputLimits.IsId(id) || await candidates.GetAsync(id, ct) is not { } candidate) return Problem.NotFound("id", $"No candidate '{id}'.");
        return Result<CandidateWithJourney>.Ok(new(candidate, await workflows.JourneyAsync(id, ct)));
    }

    /// <summary>
    /// What has happened to a candidate, oldest first: their stage changes and the programme facts
    /// recorded about them (attendance, outcomes, confirmations), each fact with the stage it fell in.
    /// </summary>
    public async Task<Result<CandidateHistory>> HistoryAsync(string id, CancellationToken ct)
    {
        if (!InputLimits.IsId(id) || await candidates.GetAsync(id, ct) is null) return Problem.NotFound("id", $"No candidate '{id}'.");
        var stages = await timeline.ListAsync(id, ct);
        var facts = (await records.ForCandidateAsync(id, ct)).Select(r => new TimelineEntry(r.At, StageAt(stages, r.At), RecordDescriptions.Describe(r)));
        return Result<CandidateHistory>.Ok(new(stages, stages.Concat(facts).OrderBy(e => e.At).ToList()));
    }

    private static CandidateStage StageAt(List<TimelineEntry> stages, DateTimeOffset at) =>
        stages.LastOrDefault(e => e.At <= at)?.Stage ?? CandidateStage.Referred;
}
