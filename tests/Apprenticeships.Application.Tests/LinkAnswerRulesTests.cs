using Apprenticeships.Application.Candidates;
using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Domain.Candidates;
using static Apprenticeships.Application.Candidates.Commands.LinkAction;
using static Apprenticeships.Domain.Candidates.CandidateStage;

namespace Apprenticeships.Application.Tests;

/// <summary>
/// What each link's answer does at each stage (docs/pipeline.md, "Candidates' links"): every
/// purpose against every stage, so that a stage added later cannot slip through unconsidered.
/// </summary>
public sealed class LinkAnswerRulesTests
{
    private const string Declined = LinkAnswerRules.DeclinedReason, AfterConfirming = LinkAnswerRules.DeclinedAfterConfirmingReason,
        Left = CandidateWithdrawal.LeftReason, ByAdvisor = "Moved out of the area";

    public static TheoryData<LinkPurpose, CandidateStage, string?, LinkAction> EveryStage => new()
    {
        // Confirm interest: told to the waiting journey, already given from Engaged on, never reopens a closed record.
        { LinkPurpose.ConfirmInterest, Referred, null, AnswerJourney },
        { LinkPurpose.ConfirmInterest, AwaitingInterest, null, AnswerJourney },
        { LinkPurpose.ConfirmInterest, Engaged, null, AlreadyAnswered },
        { LinkPurpose.ConfirmInterest, InSwap, null, AlreadyAnswered },
        { LinkPurpose.ConfirmInterest, InWork, null, AlreadyAnswered },
        { LinkPurpose.ConfirmInterest, AwaitingCohort, null, AlreadyAnswered },
        { LinkPurpose.ConfirmInterest, InTraining, null, AlreadyAnswered },
        { LinkPurpose.ConfirmInterest, Completed, null, TellAdvisorClosed },
        { LinkPurpose.ConfirmInterest, NoResponse, null, TellAdvisorClosed },
        { LinkPurpose.ConfirmInterest, Withdrawn, Declined, TellAdvisorClosed },
        { LinkPurpose.ConfirmInterest, Withdrawn, ByAdvisor, TellAdvisorClosed },
        // Decline: the journey closes a waiting referral; after confirming, withdrawn while nothing has started, else the advisor decides.
        { LinkPurpose.Decline, Referred, null, AnswerJourney },
        { LinkPurpose.Decline, AwaitingInterest, null, AnswerJourney },
        { LinkPurpose.Decline, Engaged, null, Withdraw },
        { LinkPurpose.Decline, InSwap, null, TellAdvisor },
        { LinkPurpose.Decline, InWork, null, TellAdvisor },
        { LinkPurpose.Decline, AwaitingCohort, null, TellAdvisor },
        { LinkPurpose.Decline, InTraining, null, TellAdvisor },
        { LinkPurpose.Decline, Completed, null, NothingClosed },
        { LinkPurpose.Decline, NoResponse, null, NothingClosed },
        { LinkPurpose.Decline, Withdrawn, Declined, AlreadyAnswered },
        { LinkPurpose.Decline, Withdrawn, AfterConfirming, AlreadyAnswered },
        { LinkPurpose.Decline, Withdrawn, Left, NothingClosed },
        { LinkPurpose.Decline, Withdrawn, ByAdvisor, NothingClosed },
        // Leave the programme: withdrawn up to and on the academy; a job, a cohort place or training is the advisor's to end.
        { LinkPurpose.Withdraw, Referred, null, Withdraw },
        { LinkPurpose.Withdraw, AwaitingInterest, null, Withdraw },
        { LinkPurpose.Withdraw, Engaged, null, Withdraw },
        { LinkPurpose.Withdraw, InSwap, null, Withdraw },
        { LinkPurpose.Withdraw, InWork, null, TellAdvisor },
        { LinkPurpose.Withdraw, AwaitingCohort, null, TellAdvisor },
        { LinkPurpose.Withdraw, InTraining, null, TellAdvisor },
        { LinkPurpose.Withdraw, Completed, null, NothingClosed },
        { LinkPurpose.Withdraw, NoResponse, null, NothingClosed },
        { LinkPurpose.Withdraw, Withdrawn, Left, AlreadyAnswered },
        { LinkPurpose.Withdraw, Withdrawn, Declined, NothingClosed },
        { LinkPurpose.Withdraw, Withdrawn, ByAdvisor, NothingClosed },
        // I am coming, for someone not on the session's academy (on it: the next test).
        { LinkPurpose.ConfirmAttendance, Referred, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, AwaitingInterest, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, Engaged, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, InSwap, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, InWork, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, AwaitingCohort, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, InTraining, null, PlaceEnded },
        { LinkPurpose.ConfirmAttendance, Completed, null, TellAdvisorClosed },
        { LinkPurpose.ConfirmAttendance, NoResponse, null, TellAdvisorClosed },
        { LinkPurpose.ConfirmAttendance, Withdrawn, Left, TellAdvisorClosed },
    };

    [Theory]
    [MemberData(nameof(EveryStage))]
    public void Each_link_at_each_stage(LinkPurpose purpose, CandidateStage stage, string? reason, LinkAction expected) =>
        Assert.Equal(expected, LinkAnswerRules.Decide(purpose, new LinkFacts(stage, reason)));

    [Fact]
    public void Every_purpose_and_stage_is_in_the_table()
    {
        var covered = EveryStage.Select(row => ((LinkPurpose)row[0], (CandidateStage)row[1])).ToHashSet();
        foreach (var purpose in Enum.GetValues<LinkPurpose>())
            foreach (var stage in Enum.GetValues<CandidateStage>())
                Assert.True(covered.Contains((purpose, stage)), $"{purpose} at {stage} has no row");
    }

    [Theory]
    [InlineData(false, RecordSessionReply)]
    [InlineData(true, SessionPassed)]
    public void I_am_coming_on_the_sessions_academy_is_recorded_until_the_day_has_passed(bool passed, LinkAction expected) =>
        Assert.Equal(expected, LinkAnswerRules.Decide(LinkPurpose.ConfirmAttendance, new LinkFacts(InSwap, OnTheAcademy: true, SessionPassed: passed)));

    [Theory]
    // Pressed twice before the journey has moved them on: the second press knows the first.
    [InlineData(LinkPurpose.ConfirmInterest, LinkPurpose.ConfirmInterest, AlreadyAnswered)]
    [InlineData(LinkPurpose.Decline, LinkPurpose.Decline, AlreadyAnswered)]
    // Confirmed, then declined a moment later: a decline after confirming.
    [InlineData(LinkPurpose.ConfirmInterest, LinkPurpose.Decline, Withdraw)]
    // Declined, then confirmed a moment later: their referral is closing; the advisor is told they came back.
    [InlineData(LinkPurpose.Decline, LinkPurpose.ConfirmInterest, TellAdvisorClosed)]
    public void A_second_welcome_answer_while_the_journey_catches_up_is_decided_knowing_the_first(LinkPurpose first, LinkPurpose then, LinkAction expected) =>
        Assert.Equal(expected, LinkAnswerRules.Decide(then, new LinkFacts(AwaitingInterest, EarlierInterestAnswer: first)));
}
