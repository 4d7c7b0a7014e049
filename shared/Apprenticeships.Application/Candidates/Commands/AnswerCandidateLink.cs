using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>What pressing a link's button did, so that the page can say so and nothing more.</summary>
public enum LinkOutcome
{
    /// <summary>The journey was told they are interested.</summary>
    InterestConfirmed,
    /// <summary>Declined before confirming: the journey closes the referral.</summary>
    Declined,
    /// <summary>Recorded that they are coming to the session.</summary>
    SessionConfirmed,
    /// <summary>Withdrawn as they asked, through the session reminder's link; the advisor told.</summary>
    Left,
    /// <summary>Declined after confirming: withdrawn as their own choice; the advisor told.</summary>
    WithdrawnAfterConfirming,
    /// <summary>Asked to stop or leave while further along (<see cref="LinkAnswer.Stage"/>): not withdrawn; the advisor told.</summary>
    AdvisorTold,
    /// <summary>The same answer was given before; nothing new happened.</summary>
    AlreadyRecorded,
    /// <summary>Their record was closed (<see cref="LinkAnswer.Stage"/> since <see cref="LinkAnswer.Date"/>): nothing changed, the advisor told they came back.</summary>
    ClosedAdvisorTold,
    /// <summary>Their record was closed and the answer (stop, leave) asks for nothing more.</summary>
    ClosedNothingToDo,
    /// <summary>The session (<see cref="LinkAnswer.Date"/>) is over: no reply recorded.</summary>
    SessionPassed,
    /// <summary>They are no longer on the session's academy: no reply recorded.</summary>
    PlaceEnded,
    /// <summary>Their journey could not take the answer (it stopped on an error): the advisor told instead.</summary>
    PassedToAdvisor,
    /// <summary>No such candidate.</summary>
    NotFound,
    /// <summary>The candidate's personal data was erased.</summary>
    Erased,
}

/// <summary>
/// What a press of a link's button did. <paramref name="Stage"/> and <paramref name="Date"/>: where the
/// candidate was and since when (or the session's date); <paramref name="Repeat"/>: the advisor had
/// already been told of this same answer.
/// </summary>
public sealed record LinkAnswer(LinkOutcome Outcome, CandidateStage? Stage = null, DateOnly? Date = null, bool Repeat = false);

/// <summary>
/// Carries out what a candidate's signed link asks, checked against where the candidate is now
/// (<see cref="LinkAnswerRules"/>): the journey told, a session reply recorded, a withdrawal by the
/// existing crash-safe steps (<see cref="CandidateWithdrawal"/>), or an alert to the advisors when
/// the answer needs a person. Every step is keyed, so pressing the button again (or a retry after
/// a crash) finishes what was left and says the answer was already recorded.
/// </summary>
public sealed class CandidateLinkAnswers(CandidateStore candidates, ErasureRegister erasures, ProgrammeRecords records, CandidateWithdrawal withdrawal,
    IWorkflows workflows, TimeProvider clock)
{
    private const string LeftWhat = "The candidate left the programme through their email link.";
    private const string DeclinedWhat = "The candidate said they do not want to take part.";
    private const string DeclinedAfterConfirmingWhat = "The candidate declined through their email link after confirming interest, and was withdrawn as they asked (their own choice).";
    private const string WithdrawnAlert = "withdrawn-by-link";

    public async Task<LinkAnswer> AnswerAsync(CandidateLink link, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var candidate = await candidates.GetAsync(link.CandidateId, ct);
            if (candidate is null) return new(await erasures.FindAsync(link.CandidateId, ct) is null ? LinkOutcome.NotFound : LinkOutcome.Erased);
            var answer = LinkAnswerRules.Decide(link.Purpose, await FactsAsync(candidate, link, ct)) switch
            {
                LinkAction.AnswerJourney => await AnswerJourneyAsync(candidate, link.Purpose, ct),
                LinkAction.RecordSessionReply => await RecordSessionReplyAsync(candidate, link, ct),
                LinkAction.Withdraw => await WithdrawAsync(candidate, link.Purpose, ct),
                LinkAction.TellAdvisor => await TellAdvisorAsync(candidate, link.Purpose, ct),
                LinkAction.TellAdvisorClosed => await TellAdvisorClosedAsync(candidate, link, ct),
                LinkAction.NothingClosed => new LinkAnswer(LinkOutcome.ClosedNothingToDo, candidate.Stage, DayOf(candidate.StageChangedAt)),
                LinkAction.AlreadyAnswered => await FinishEarlierAnswerAsync(candidate, link, ct),
                LinkAction.SessionPassed => new LinkAnswer(LinkOutcome.SessionPassed, candidate.Stage, link.Session.Date),
                _ => new LinkAnswer(LinkOutcome.PlaceEnded, candidate.Stage, link.Session.Date),
            };
            // Null: the candidate changed under us (their other answer, the journey closing them): decide again on what is stored now.
            if (answer is not null) return answer;
            if (attempt == 2) throw new InvalidOperationException($"Candidate {candidate.Id} kept changing while their link was answered.");
        }
    }

    private async Task<LinkFacts> FactsAsync(Candidate candidate, CandidateLink link, CancellationToken ct)
    {
        LinkPurpose? earlier = null;
        if (candidate.Stage is CandidateStage.Referred or CandidateStage.AwaitingInterest
            && await records.GetAsync(candidate.Id, RecordKeys.LinkInterest, ct) is { Value: { } value } && Enum.TryParse<LinkPurpose>(value, out var purpose))
            earlier = purpose;
        var session = link.Purpose == LinkPurpose.ConfirmAttendance ? link.Session : default;
        return new LinkFacts(candidate.Stage, candidate.WithdrawalReason, earlier,
            OnTheAcademy: session.AcademyId is not null && candidate.Stage == CandidateStage.InSwap && candidate.AcademyId == session.AcademyId,
            SessionPassed: session.AcademyId is not null && session.Date < clock.Today());
    }

    /// <summary>
    /// The welcome email's first answer: recorded, then the journey told. The record comes first so that a second
    /// press (or the other link, a moment later) is decided knowing this one, before the journey has moved them on.
    /// </summary>
    private async Task<LinkAnswer?> AnswerJourneyAsync(Candidate candidate, LinkPurpose purpose, CancellationToken ct)
    {
        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, RecordKeys.LinkInterest, RecordKind.LinkAnswer, clock.GetUtcNow())
        {
            Value = purpose.ToString(), Reason = LinkAnswerRules.Answered,
        }, ct);
        if (saved == SaveResult.Conflict) return null; // the other answer was given meanwhile
        var confirmed = purpose == LinkPurpose.ConfirmInterest;
        if (!await TellJourneyAsync(candidate, confirmed, ct)) return await PassToAdvisorAsync(candidate, ct);
        if (saved == SaveResult.Unchanged) return new(LinkOutcome.AlreadyRecorded, candidate.Stage);
        return new(confirmed ? LinkOutcome.InterestConfirmed : LinkOutcome.Declined, candidate.Stage);
    }

    /// <summary>A confirmation the journey could not take (it stopped on an error and staff have not retried it yet).</summary>
    private async Task<LinkAnswer> PassToAdvisorAsync(Candidate candidate, CancellationToken ct)
    {
        await workflows.AlertAdvisorAsync(candidate.Id, Attention.AttentionKind.LinkAnswer,
            "confirmed interest through their email link, but their journey is not running, so it could not take the answer: see the journey on their page and take them on.",
            "link-interest-not-taken", ct);
        return new(LinkOutcome.PassedToAdvisor, candidate.Stage);
    }

    /// <summary>
    /// Tells the waiting journey (the reference makes a repeat one answer). A journey that is not running (stopped on
    /// an error) cannot take it: a decline is then carried out by withdrawing them, as the journey would have;
    /// false for a confirmation, which needs the advisor.
    /// </summary>
    private async Task<bool> TellJourneyAsync(Candidate candidate, bool confirmed, CancellationToken ct)
    {
        var answer = confirmed ? InterestAnswer.Confirmed : InterestAnswer.Declined;
        if (await workflows.AnswerInterestAsync(candidate.Id, answer, confirmed ? "link-confirmed" : "link-declined", ct) == SignalResult.Delivered) return true;
        if (confirmed) return false;
        await withdrawal.ByCandidateAsync(candidate, LinkAnswerRules.DeclinedReason, DeclinedWhat, ct);
        return true;
    }

    private async Task<LinkAnswer> RecordSessionReplyAsync(Candidate candidate, CandidateLink link, CancellationToken ct)
    {
        var (academyId, date) = link.Session;
        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, RecordKeys.SessionReply(academyId, date), RecordKind.SessionReply, clock.GetUtcNow())
        {
            ProgrammeId = academyId, Date = date, Value = "Coming",
        }, ct);
        return new(saved == SaveResult.Created ? LinkOutcome.SessionConfirmed : LinkOutcome.AlreadyRecorded, candidate.Stage, date);
    }

    /// <summary>A withdrawal the candidate asked for, through the advisor's crash-safe steps, then the advisor told.</summary>
    private async Task<LinkAnswer?> WithdrawAsync(Candidate candidate, LinkPurpose purpose, CancellationToken ct)
    {
        var afterConfirming = purpose == LinkPurpose.Decline;
        var stored = afterConfirming
            ? await withdrawal.ByCandidateAsync(candidate, LinkAnswerRules.DeclinedAfterConfirmingReason, DeclinedAfterConfirmingWhat, ct)
            : await withdrawal.ByCandidateAsync(candidate, CandidateWithdrawal.LeftReason, LeftWhat, ct);
        if (stored.Stage != CandidateStage.Withdrawn) return null; // closed another way meanwhile
        await workflows.AlertAdvisorAsync(candidate.Id, Attention.AttentionKind.Other, afterConfirming
            ? "declined through their email link after confirming interest, and has been withdrawn as they asked (their own choice)."
            : "left the programme through their email link, and has been withdrawn as they asked.", WithdrawnAlert, ct);
        return new(afterConfirming ? LinkOutcome.WithdrawnAfterConfirming : LinkOutcome.Left, CandidateStage.Withdrawn, DayOf(stored.StageChangedAt));
    }

    /// <summary>Asked to stop or leave while further along: nobody withdrawn, the advisor told, once per link and stage.</summary>
    private async Task<LinkAnswer> TellAdvisorAsync(Candidate candidate, LinkPurpose purpose, CancellationToken ct)
    {
        var key = RecordKeys.LinkAdvisorTold(purpose, candidate.Stage);
        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, key, RecordKind.LinkAnswer, clock.GetUtcNow())
        {
            Value = purpose.ToString(), Reason = LinkAnswerRules.AdvisorTold,
        }, ct);
        await workflows.AlertAdvisorAsync(candidate.Id, Attention.AttentionKind.LinkAnswer,
            $"asked through their email link to {LinkAnswerRules.What(purpose)} while {candidate.Stage.Describe().ToLowerInvariant()}; " +
            "they have not been withdrawn, since that would end their place. Talk it through with them, and withdraw them if that is what they want.", key, ct);
        return new(LinkOutcome.AdvisorTold, candidate.Stage, Repeat: saved != SaveResult.Created);
    }

    /// <summary>An answer after the record closed: nothing reopens it; the advisor is told the candidate came back, once per link.</summary>
    private async Task<LinkAnswer> TellAdvisorClosedAsync(Candidate candidate, CandidateLink link, CancellationToken ct)
    {
        var stage = candidate.Stage;
        var closedOn = DayOf(candidate.StageChangedAt);
        if (!stage.IsClosed())
        {
            // They declined a moment ago and the journey has not closed them yet: make sure it does, then they count as closed.
            await TellJourneyAsync(candidate, confirmed: false, ct);
            (stage, closedOn) = (CandidateStage.Withdrawn, clock.Today());
        }
        DateOnly? session = link.Purpose == LinkPurpose.ConfirmAttendance ? link.Session.Date : null;
        var key = link.Purpose == LinkPurpose.ConfirmAttendance
            ? RecordKeys.LinkAfterClosure(link.Purpose, link.Session.AcademyId, session)
            : RecordKeys.LinkAfterClosure(link.Purpose);
        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, key, RecordKind.LinkAnswer, clock.GetUtcNow())
        {
            Value = link.Purpose.ToString(), Reason = LinkAnswerRules.AfterClosure, Date = session,
        }, ct);
        var what = link.Purpose == LinkPurpose.ConfirmAttendance
            ? $"say they are coming to the session of academy {link.Session.AcademyId} on {session:yyyy-MM-dd}"
            : LinkAnswerRules.What(link.Purpose);
        await workflows.AlertAdvisorAsync(candidate.Id, Attention.AttentionKind.LinkAnswer,
            $"came back through their email link to {what} after their record was closed ({stage.Describe()} since {closedOn:yyyy-MM-dd}). " +
            "Nothing was changed: contact them to see whether the hub can help again.", key, ct);
        return new(LinkOutcome.ClosedAdvisorTold, stage, closedOn, Repeat: saved != SaveResult.Created);
    }

    /// <summary>
    /// The same answer again. Whatever the first press left undone by a crash is finished (every step is keyed,
    /// so nothing happens twice), and the page says the answer was already recorded.
    /// </summary>
    private async Task<LinkAnswer> FinishEarlierAnswerAsync(Candidate candidate, CandidateLink link, CancellationToken ct)
    {
        var waiting = candidate.Stage is CandidateStage.Referred or CandidateStage.AwaitingInterest;
        switch (link.Purpose)
        {
            case LinkPurpose.ConfirmInterest when waiting:
                if (!await TellJourneyAsync(candidate, confirmed: true, ct)) return await PassToAdvisorAsync(candidate, ct);
                break;
            case LinkPurpose.Decline when waiting:
                await TellJourneyAsync(candidate, confirmed: false, ct);
                break;
            case LinkPurpose.Decline when candidate.WithdrawalReason == LinkAnswerRules.DeclinedAfterConfirmingReason:
            case LinkPurpose.Withdraw:
                await WithdrawAsync(candidate, link.Purpose, ct);
                break;
        }
        return new(LinkOutcome.AlreadyRecorded, candidate.Stage, link.Purpose == LinkPurpose.ConfirmAttendance ? link.Session.Date : null);
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
