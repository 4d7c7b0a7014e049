using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Queries;

/// <summary>An open attention item with the candidate it is about, named now, and its words.</summary>
public sealed record AttentionEntry(
    string CandidateId, string Key, string CandidateName, CandidateStage Stage, AttentionKind Kind, string Title, string What, string Clears,
    DateTimeOffset RaisedAt, IReadOnlyDictionary<string, string> Facts);

/// <summary>POST /api/attention/dismiss: the item to mark as seen, as <c>GET /api/attention</c> gives it.</summary>
public sealed record DismissAttention(string? CandidateId, string? Key);

public sealed record AttentionEntryKey(string CandidateId, string Key);

/// <summary>The pipeline board: everyone, and the alerts not yet acted upon, oldest first.</summary>
public sealed record PipelineBoard(List<Candidate> All, List<AttentionEntry> Attention);

/// <summary>
/// Who needs an advisor's attention: every alert the workflows raised (each on the day counts of
/// <see cref="PipelinePolicy"/>) that has not been acted upon, by the rules of
/// <see cref="AttentionRules"/>, with the candidate's name read now. Alerts about erased
/// candidates are not listed. An item found acted upon is marked closed in the store, so the
/// next read skips it: the rules are such that an item once acted upon stays so (each looks for
/// something that happened after the alert, or for a stage the candidate cannot leave to go back).
/// </summary>
public sealed class PipelineAttention(CandidateStore candidates, AttentionItems items, ProgrammeRecords records, CommitmentRepository commitments,
    ProgrammeNames names, TimeProvider clock)
{
    public async Task<PipelineBoard> ReadAsync(CancellationToken ct)
    {
        var all = await candidates.ListAsync(null, null, ct);
        return new PipelineBoard(all, await OpenAsync(all, ct));
    }

    /// <summary>The open items alone (<c>GET /api/attention</c>).</summary>
    public async Task<List<AttentionEntry>> OpenAsync(CancellationToken ct) => await OpenAsync(await candidates.ListAsync(null, null, ct), ct);

    private async Task<List<AttentionEntry>> OpenAsync(List<Candidate> all, CancellationToken ct)
    {
        var byId = all.ToDictionary(c => c.Id);
        // Items of erased candidates are left alone: erasure deletes them.
        var stored = (await items.ListOpenAsync(ct)).Select(AttentionAlerts.FromStored).Where(i => byId.ContainsKey(i.CandidateId)).ToList();
        if (stored.Count == 0) return [];
        var directory = await names.LoadAsync(ct);
        var open = new List<AttentionEntry>();
        foreach (var group in stored.GroupBy(i => i.CandidateId))
        {
            var candidate = byId[group.Key];
            var facts = candidate.Stage.IsClosed()
                ? new CandidateFacts(candidate, [], []) // every item clears: no need to read the facts
                : new CandidateFacts(candidate, await records.ForCandidateAsync(candidate.Id, ct), await CommitmentEventsAsync(candidate, group, ct));
            foreach (var item in group)
            {
                if (AttentionRules.IsCleared(item, facts))
                {
                    await items.CloseAsync(item.CandidateId, item.Key, clock.GetUtcNow(), ct);
                    continue;
                }
                var words = AttentionWords.Describe(item, directory);
                open.Add(new AttentionEntry(candidate.Id, item.Key, $"{candidate.GivenName} {candidate.FamilyName}", candidate.Stage, item.Kind,
                    words.Title, words.What, words.Clears, item.RaisedAt, item.Facts));
            }
        }
        return open.OrderBy(e => e.RaisedAt).ThenBy(e => e.CandidateName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// An advisor marks a news item (<see cref="AttentionRules.IsNews"/>) as seen: it leaves the board,
    /// with who marked it and when kept on the item. Repeating it changes nothing.
    /// </summary>
    public async Task<Result<AttentionEntryKey>> DismissAsync(DismissAttention command, string staffId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        var key = errors.Text("key", command.Key, "Key", InputLimits.Title);
        if (errors.Any) return errors.ToProblem();
        var item = (await items.ForCandidateAsync(candidateId!, ct)).Select(AttentionAlerts.FromStored).FirstOrDefault(i => i.Key == key);
        if (item is null) return Problem.NotFound("key", $"No attention item '{key}' for candidate '{candidateId}'.");
        if (!AttentionRules.IsNews(item.Kind))
            return Problem.Conflict("key", $"{AttentionWords.Title(item.Kind)}: this clears when it is acted upon ({AttentionWords.Clears(item.Kind)}), so it cannot be marked as seen.");
        await items.CloseAsync(item.CandidateId, item.Key, clock.GetUtcNow(), ct, closedBy: staffId);
        return Result<AttentionEntryKey>.Ok(new AttentionEntryKey(item.CandidateId, item.Key));
    }

    /// <summary>The levy commitment's events, read only when a break in learning needs them.</summary>
    private async Task<IReadOnlyList<CommitmentEvent>> CommitmentEventsAsync(Candidate candidate, IEnumerable<AttentionItem> items, CancellationToken ct) =>
        items.Any(i => i.Kind == AttentionKind.BreakInLearning) && await commitments.FindAsync(CommitmentIds.Of(candidate.Id), ct) is { } record
            ? record.Events
            : [];
}
