using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Queries;

/// <summary>A candidate with what their journey workflow says it is doing.</summary>
public sealed record CandidateWithJourney(Candidate Candidate, WorkflowView? Journey);

/// <summary>Finding candidates and reading what has happened to them.</summary>
public sealed class CandidateQueries(CandidateStore candidates, CandidateTimeline timeline, ProgrammeRecords records, AttentionItems attention,
    ProgrammeNames names, IWorkflows workflows)
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
    /// What has happened to a candidate, oldest first, one event per fact (<see cref="CandidateHistory"/>):
    /// their stage changes, the programme facts recorded about them, the nudges and reminders
    /// they were sent and the alerts advisors had about them.
    /// </summary>
    public async Task<Result<List<TimelineEvent>>> HistoryAsync(string id, CancellationToken ct)
    {
        if (!InputLimits.IsId(id) || await candidates.GetAsync(id, ct) is not { } candidate) return Problem.NotFound("id", $"No candidate '{id}'.");
        var rows = await timeline.ReadAsync(id, ct);
        var facts = await records.ForCandidateAsync(id, ct);
        var alerts = (await attention.ForCandidateAsync(id, ct)).Select(AttentionAlerts.FromStored).ToList();
        return Result<List<TimelineEvent>>.Ok(CandidateHistory.Build(candidate, rows, facts, alerts, await names.LoadAsync(ct)));
    }
}
