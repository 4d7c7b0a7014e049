using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Functions.Activities;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Pages.Candidates;

public sealed record AttentionItem(Candidate Candidate, string Why);

/// <summary>
/// Who needs an advisor's attention, from stored facts: candidates who have not answered their
/// welcome email in a week (when the journey alerts the advisor), academy members who missed a
/// session, and apprentices whose provider has confirmed nothing for a month.
/// </summary>
public sealed class PipelineAttention(CandidateStore candidates, ProgrammeRecords records, TimeProvider clock)
{
    public static readonly TimeSpan NoResponseAfter = TimeSpan.FromDays(7);
    public static readonly TimeSpan ConfirmationOverdueAfter = TimeSpan.FromDays(31);

    public async Task<(List<Candidate> All, List<AttentionItem> NoResponse, List<AttentionItem> MissedSession, List<AttentionItem> OverdueConfirmation)> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await candidates.ListAsync(null, null, ct);
        var byId = all.ToDictionary(c => c.Id);

        var noResponse = all.Where(c => c.Stage is CandidateStage.Referred or CandidateStage.AwaitingInterest && now - c.StageChangedAt >= NoResponseAfter)
            .Select(c => new AttentionItem(c, $"No answer since {StageNames.When(c.StageChangedAt)}")).ToList();

        var missed = (await records.OfKindAsync(RecordKind.Attendance, ct))
            .Where(r => r.Value == CheckAttendance.Absent && byId.TryGetValue(r.CandidateId, out var c) && c.Stage == CandidateStage.InSwap && c.AcademyId == r.ProgrammeId)
            .GroupBy(r => r.CandidateId)
            .Select(g => new AttentionItem(byId[g.Key], $"Missed {string.Join(", ", g.Select(r => r.Date).OfType<DateOnly>().Order().Select(d => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))))}"))
            .ToList();

        var lastConfirmed = (await records.OfKindAsync(RecordKind.Confirmation, ct)).GroupBy(r => r.CandidateId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        var overdue = all.Where(c => c.Stage == CandidateStage.InTraining)
            .Select(c => (c, since: lastConfirmed.TryGetValue(c.Id, out var at) && at > c.StageChangedAt ? at : c.StageChangedAt))
            .Where(x => now - x.since >= ConfirmationOverdueAfter)
            .Select(x => new AttentionItem(x.c, $"Nothing confirmed since {StageNames.When(x.since)}")).ToList();
        return (all, noResponse, missed, overdue);
    }
}
