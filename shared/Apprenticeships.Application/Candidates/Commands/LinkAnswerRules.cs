using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>What pressing a link's button should do, given where the candidate is now.</summary>
public enum LinkAction
{
    /// <summary>Tell the journey, which is still waiting for the welcome email's answer.</summary>
    AnswerJourney,
    /// <summary>Record that they are coming to the session.</summary>
    RecordSessionReply,
    /// <summary>Withdraw them, as their own choice, and tell the advisor.</summary>
    Withdraw,
    /// <summary>They asked to stop or leave but are further along: withdraw nobody, tell the advisor they asked.</summary>
    TellAdvisor,
    /// <summary>Their record is closed: change nothing, tell the advisor they came back.</summary>
    TellAdvisorClosed,
    /// <summary>Their record is closed and the answer (stop, leave) asks for nothing more.</summary>
    NothingClosed,
    /// <summary>They gave this answer before.</summary>
    AlreadyAnswered,
    /// <summary>The session the link is about is over.</summary>
    SessionPassed,
    /// <summary>They are no longer on the academy the session belongs to.</summary>
    PlaceEnded,
}

/// <summary>What the decision needs to know about the candidate besides the link.</summary>
/// <param name="EarlierInterestAnswer">The welcome email's answer already given (confirm or decline) while the journey was still waiting for one.</param>
/// <param name="OnTheAcademy">For a session link: they are on the session's academy now.</param>
/// <param name="SessionPassed">For a session link: the session's day is over.</param>
public sealed record LinkFacts(CandidateStage Stage, string? WithdrawalReason = null, LinkPurpose? EarlierInterestAnswer = null,
    bool OnTheAcademy = false, bool SessionPassed = false);

/// <summary>
/// Every answer a candidate gives through an emailed link is checked against where they are now,
/// so the page can say what really happened. The rules, per link:
/// <list type="bullet">
/// <item><b>Confirm interest</b> (welcome email, nudges): while the journey waits, it is told; from
/// Engaged on, the answer was given before; once the record is closed (no response, withdrawn,
/// completed) nothing reopens it, and the advisor is told the candidate came back.</item>
/// <item><b>Decline</b> (welcome email): while the journey waits, it is told and closes the
/// referral. After confirming, but with nothing started (Engaged), the candidate is withdrawn as
/// their own choice: nothing is lost but a place in the queue, and this is what the welcome email
/// promised ("we will not contact you again"). Further along (on an academy, in work, waiting for
/// a cohort, in training) an old welcome-email link is not enough to end a place, a job's
/// sustainment checks or a levy-funded apprenticeship (withdrawing stops the levy instalments):
/// the advisor is told to talk it through, and withdraws them if that is what they want.</item>
/// <item><b>I am coming</b> (session reminders): recorded while they are on that academy and the
/// session's day has not passed; otherwise the page says the session is over or the place ended.
/// After closure the advisor is told they came back.</item>
/// <item><b>Leave the programme</b> (session reminders): withdraws them while they are on the
/// academy or between steps (Engaged); once they are in work, waiting for a cohort or in training,
/// the link from an old reminder tells the advisor instead, as for a decline.</item>
/// </list>
/// A stop or leave after closure changes nothing and alerts nobody: the record is already closed
/// and nobody will contact them. An erased candidate's link keeps saying the record was erased.
/// </summary>
public static class LinkAnswerRules
{
    /// <summary>The reason the journey records when the candidate declines before confirming (CandidateJourney).</summary>
    public const string DeclinedReason = "Declined";

    /// <summary>The reason recorded for a decline after confirming: the candidate's own choice.</summary>
    public const string DeclinedAfterConfirmingReason = "Declined after confirming interest (their own choice, through their email link)";

    /// <summary>What <see cref="LinkAnswer"/> records say the hub did: the answer was taken, or the advisors were told.</summary>
    public const string Answered = "Answered", AfterClosure = "AfterClosure", AdvisorTold = "AdvisorTold";

    public static LinkAction Decide(LinkPurpose purpose, LinkFacts facts)
    {
        var stage = facts.Stage;
        var waiting = stage is CandidateStage.Referred or CandidateStage.AwaitingInterest;
        switch (purpose)
        {
            case LinkPurpose.ConfirmInterest:
                if (stage.IsClosed()) return LinkAction.TellAdvisorClosed;
                if (!waiting) return LinkAction.AlreadyAnswered; // Engaged or further: they confirmed before
                return facts.EarlierInterestAnswer switch
                {
                    null => LinkAction.AnswerJourney,
                    LinkPurpose.ConfirmInterest => LinkAction.AlreadyAnswered,
                    // They declined first and the journey is closing the referral: coming back after closure.
                    _ => LinkAction.TellAdvisorClosed,
                };
            case LinkPurpose.Decline:
                if (stage.IsClosed())
                    return stage == CandidateStage.Withdrawn && facts.WithdrawalReason is DeclinedReason or DeclinedAfterConfirmingReason
                        ? LinkAction.AlreadyAnswered : LinkAction.NothingClosed;
                if (waiting)
                    return facts.EarlierInterestAnswer switch
                    {
                        null => LinkAction.AnswerJourney,
                        LinkPurpose.Decline => LinkAction.AlreadyAnswered,
                        // Confirmed a moment ago and the journey has not yet moved them on: a decline after confirming.
                        _ => LinkAction.Withdraw,
                    };
                return stage == CandidateStage.Engaged ? LinkAction.Withdraw : LinkAction.TellAdvisor;
            case LinkPurpose.ConfirmAttendance:
                if (stage.IsClosed()) return LinkAction.TellAdvisorClosed;
                if (!facts.OnTheAcademy) return LinkAction.PlaceEnded;
                return facts.SessionPassed ? LinkAction.SessionPassed : LinkAction.RecordSessionReply;
            default: // LinkPurpose.Withdraw
                if (stage.IsClosed())
                    return stage == CandidateStage.Withdrawn && facts.WithdrawalReason == CandidateWithdrawal.LeftReason
                        ? LinkAction.AlreadyAnswered : LinkAction.NothingClosed;
                return stage is CandidateStage.InWork or CandidateStage.AwaitingCohort or CandidateStage.InTraining
                    ? LinkAction.TellAdvisor : LinkAction.Withdraw;
        }
    }

    /// <summary>A <see cref="RecordKind.LinkAnswer"/> record in the words an advisor reads on the timeline.</summary>
    public static string Describe(ProgrammeRecord r)
    {
        var what = Enum.TryParse<LinkPurpose>(r.Value, out var purpose) ? What(purpose, r.Date) : "answer";
        return r.Reason switch
        {
            AfterClosure => $"Used their email link to {what} after their record was closed: nothing changed; the advisors were alerted.",
            AdvisorTold => $"Used their email link to {what}: not withdrawn at this stage; the advisors were alerted.",
            _ => $"Used their email link to {what}.",
        };
    }

    /// <summary>What the link asked for, as a verb phrase: "confirm interest", "leave the programme".</summary>
    public static string What(LinkPurpose purpose, DateOnly? session = null) => purpose switch
    {
        LinkPurpose.ConfirmInterest => "confirm interest",
        LinkPurpose.Decline => "stop hearing from the hub",
        LinkPurpose.ConfirmAttendance => $"say they are coming to the session on {session:yyyy-MM-dd}",
        _ => "leave the programme",
    };
}
