using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>What a candidate's press of their link's button did.</summary>
public enum LinkAnswer
{
    InterestConfirmed,
    Declined,
    SessionConfirmed,
    Left,
    /// <summary>The candidate, their session or their journey is not (or no longer) there.</summary>
    NotFound,
    /// <summary>The candidate's personal data was erased.</summary>
    Erased,
}

/// <summary>
/// Carries out what a candidate's signed link is for: confirm or decline interest (the journey is
/// told; the reference makes a double click one answer), say they are coming to a session, or
/// leave the programme.
/// </summary>
public sealed class CandidateLinkAnswers(CandidateStore candidates, ErasureRegister erasures, ProgrammeRecords records, CandidateWithdrawal withdrawal,
    IWorkflows workflows, TimeProvider clock)
{
    public async Task<LinkAnswer> AnswerAsync(CandidateLink link, CancellationToken ct)
    {
        var candidate = await candidates.GetAsync(link.CandidateId, ct);
        if (candidate is null) return await erasures.FindAsync(link.CandidateId, ct) is null ? LinkAnswer.NotFound : LinkAnswer.Erased;
        switch (link.Purpose)
        {
            case LinkPurpose.ConfirmAttendance:
                var (academyId, date) = link.Session;
                if (candidate.AcademyId != academyId || candidate.Stage.IsClosed()) return LinkAnswer.NotFound;
                await records.AddAsync(new ProgrammeRecord(candidate.Id, RecordKeys.SessionReply(academyId, date), RecordKind.SessionReply, clock.GetUtcNow())
                {
                    ProgrammeId = academyId, Date = date, Value = "Coming",
                }, ct);
                return LinkAnswer.SessionConfirmed;
            case LinkPurpose.Withdraw:
                await withdrawal.LeaveAsync(candidate, ct);
                return LinkAnswer.Left;
        }
        var answer = link.Purpose == LinkPurpose.ConfirmInterest ? InterestAnswer.Confirmed : InterestAnswer.Declined;
        var reference = answer == InterestAnswer.Confirmed ? "link-confirmed" : "link-declined";
        if (await workflows.AnswerInterestAsync(candidate.Id, answer, reference, ct) == SignalResult.NotRunning) return LinkAnswer.NotFound;
        return answer == InterestAnswer.Confirmed ? LinkAnswer.InterestConfirmed : LinkAnswer.Declined;
    }
}
