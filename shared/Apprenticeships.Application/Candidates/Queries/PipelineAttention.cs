using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Queries;

/// <summary>A candidate who needs an advisor, since when, and the sessions they missed (if that is why).</summary>
public sealed record AttentionItem(Candidate Candidate, DateTimeOffset Since, IReadOnlyList<DateOnly> MissedSessions);

/// <summary>The pipeline board: everyone, and who needs attention for which reason.</summary>
public sealed record PipelineBoard(List<Candidate> All, List<AttentionItem> NoResponse, List<AttentionItem> MissedSession, List<AttentionItem> OverdueConfirmation);

/// <summary>
/// Who needs an advisor's attention, from stored facts, on the same day counts the workflows
/// alert on (<see cref="PipelinePolicy"/>): candidates who have not answered their welcome email,
/// academy members who missed a session, and apprentices whose provider has confirmed nothing.
/// </summary>
public sealed class PipelineAttention(CandidateStore candidates, ProgrammeRecords records, TimeProvider clock)
{
    public async Task<PipelineBoard> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await candidates.ListAsync(null, null, ct);
        var byId = all.ToDictionary(c => c.Id);

        var noResponse = all.Where(c => c.Stage is CandidateStage.Referred or CandidateStage.AwaitingInterest && now - c.StageChangedAt >= TimeSpan.FromDays(PipelinePolicy.NoResponseAlertDays))
            .Select(c => new AttentionItem(c, c.StageChangedAt, [])).ToList();

        var missed = (await records.OfKindAsync(RecordKind.Attendance, ct))
            .Where(r => r.Value == AcademyAttendance.Absent && byId.TryGetValue(r.CandidateId, out var c) && c.Stage == CandidateStage.InSwap && c.AcademyId == r.ProgrammeId)
            .GroupBy(r => r.CandidateId)
            .Select(g => new AttentionItem(byId[g.Key], byId[g.Key].StageChangedAt, g.Select(r => r.Date).OfType<DateOnly>().Order().ToList()))
            .ToList();

        var lastConfirmed = (await records.OfKindAsync(RecordKind.Confirmation, ct)).GroupBy(r => r.CandidateId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        var overdue = all.Where(c => c.Stage == CandidateStage.InTraining)
            .Select(c => (c, since: lastConfirmed.TryGetValue(c.Id, out var at) && at > c.StageChangedAt ? at : c.StageChangedAt))
            .Where(x => now - x.since >= TimeSpan.FromDays(PipelinePolicy.ConfirmationOverdueDays))
            .Select(x => new AttentionItem(x.c, x.since, [])).ToList();
        return new PipelineBoard(all, noResponse, missed, overdue);
    }
}
