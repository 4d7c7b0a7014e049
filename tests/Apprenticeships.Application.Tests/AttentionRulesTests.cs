using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application.Tests;

/// <summary>Each kind of attention item: open until what the rules say acts upon it, then cleared; every kind cleared when the candidate is closed.</summary>
public sealed class AttentionRulesTests
{
    private static readonly DateTimeOffset Raised = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Session = new(2026, 12, 1);
    private const string Academy = "academy-1";

    private static Candidate Candidate(CandidateStage stage, DateTimeOffset? changed = null, string? academy = Academy) => new()
    {
        Id = "c-1", GivenName = "Amira", FamilyName = "Khan", Email = "amira@example.org", Postcode = "WR1 2AB", DateOfBirth = new(2004, 3, 9),
        Source = ReferralSource.JobcentreWorkCoach, LawfulBasis = "Public task", AdvisorId = "advisor-1", EnrolledAt = Raised.AddDays(-30),
        Stage = stage, StageChangedAt = changed ?? Raised.AddDays(-10), AcademyId = academy,
    };

    private static AttentionItem Item(AttentionKind kind, params (string, string)[] facts) =>
        new("c-1", "journey-c-1#9", kind, facts.ToDictionary(f => f.Item1, f => f.Item2), Raised);

    private static ProgrammeRecord Record(RecordKind kind, DateTimeOffset? at = null, string? programme = Academy, DateOnly? date = null, string? value = null, string? reason = null) =>
        new("c-1", $"{kind}-{Guid.NewGuid():N}", kind, at ?? Raised.AddHours(1)) { ProgrammeId = programme, Date = date, Value = value, Reason = reason };

    private static bool Cleared(AttentionItem item, Candidate candidate, IReadOnlyList<ProgrammeRecord>? records = null, IReadOnlyList<CommitmentEvent>? events = null) =>
        AttentionRules.IsCleared(item, new CandidateFacts(candidate, records ?? [], events ?? []));

    public static TheoryData<AttentionKind> Kinds() => new(Enum.GetValues<AttentionKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_clears_once_the_candidate_is_closed_and_has_words_and_a_place_on_the_board(AttentionKind kind)
    {
        // A link answer is the one kind about a closed candidate ("came back"): it stays until their stage changes after it.
        foreach (var closed in new[] { CandidateStage.Completed, CandidateStage.NoResponse, CandidateStage.Withdrawn })
            Assert.Equal(kind != AttentionKind.LinkAnswer && !(kind == AttentionKind.ProgressionNoAnswer && closed == CandidateStage.Completed), Cleared(Item(kind), Candidate(closed)));
        Assert.Contains(kind, AttentionWords.BoardOrder);
        Assert.False(string.IsNullOrWhiteSpace(AttentionWords.Title(kind)));
        Assert.StartsWith("Clears when", AttentionWords.Clears(kind));
        Assert.DoesNotMatch(@"\d", AttentionWords.Title(kind));
    }

    [Fact]
    public void A_link_answer_stays_for_a_closed_candidate_until_their_stage_changes_after_it()
    {
        var item = Item(AttentionKind.LinkAnswer, (AttentionFacts.Reason, "came back through their email link"));
        Assert.False(Cleared(item, Candidate(CandidateStage.NoResponse)));
        Assert.False(Cleared(item, Candidate(CandidateStage.InSwap)));
        Assert.True(Cleared(item, Candidate(CandidateStage.Withdrawn, changed: Raised.AddDays(1))));
    }

    [Fact]
    public void An_unanswered_progression_prompt_stays_after_the_26_week_completion_and_goes_with_a_withdrawal()
    {
        var item = Item(AttentionKind.ProgressionNoAnswer, (AttentionFacts.Week, "39"), (AttentionFacts.ParticipantId, "pp-c-1"), (AttentionFacts.EmployerId, "emp-1"));
        Assert.False(Cleared(item, Candidate(CandidateStage.InWork)));
        Assert.False(Cleared(item, Candidate(CandidateStage.Completed, changed: Raised.AddDays(1))));
        Assert.True(Cleared(item, Candidate(CandidateStage.Withdrawn)));
    }

    [Fact]
    public void No_answer_clears_when_the_candidate_answers()
    {
        var item = Item(AttentionKind.NoAnswer, (AttentionFacts.Days, "7"));
        Assert.False(Cleared(item, Candidate(CandidateStage.AwaitingInterest)));
        Assert.True(Cleared(item, Candidate(CandidateStage.Engaged)));
    }

    [Fact]
    public void Not_assigned_clears_when_the_stage_changes_after_the_alert()
    {
        var item = Item(AttentionKind.NotAssigned, (AttentionFacts.Days, "14"));
        Assert.False(Cleared(item, Candidate(CandidateStage.Engaged, Raised.AddDays(-14))));
        Assert.True(Cleared(item, Candidate(CandidateStage.InSwap, Raised.AddDays(1))));
        Assert.True(Cleared(item, Candidate(CandidateStage.Engaged, Raised.AddDays(20)))); // went on an academy and came back
    }

    [Fact]
    public void A_missed_session_clears_with_a_later_session_attended_the_outcome_or_leaving_the_academy()
    {
        var item = Item(AttentionKind.MissedSession, (AttentionFacts.AcademyId, Academy), (AttentionFacts.Session, "2026-12-01"));
        var onAcademy = Candidate(CandidateStage.InSwap);
        Assert.False(Cleared(item, onAcademy, [Record(RecordKind.Attendance, date: Session, value: AcademyAttendance.Absent)]));
        Assert.False(Cleared(item, onAcademy, [Record(RecordKind.Attendance, programme: "another-academy", date: Session.AddDays(1), value: AcademyAttendance.Present)]));
        Assert.True(Cleared(item, onAcademy, [Record(RecordKind.Attendance, date: Session.AddDays(1), value: AcademyAttendance.Present)]));
        Assert.True(Cleared(item, onAcademy, [Record(RecordKind.SwapOutcome, value: nameof(SwapOutcome.DidNotComplete))]));
        Assert.True(Cleared(item, Candidate(CandidateStage.Engaged)));
    }

    [Fact]
    public void Attendance_not_recorded_clears_when_the_session_or_the_outcome_is_recorded()
    {
        var item = Item(AttentionKind.AttendanceNotRecorded, (AttentionFacts.AcademyId, Academy), (AttentionFacts.Session, "2026-12-01"));
        var onAcademy = Candidate(CandidateStage.InSwap);
        Assert.False(Cleared(item, onAcademy));
        Assert.False(Cleared(item, onAcademy, [Record(RecordKind.Attendance, date: Session.AddDays(1), value: AcademyAttendance.Present)]));
        Assert.True(Cleared(item, onAcademy, [Record(RecordKind.Attendance, date: Session, value: AcademyAttendance.Absent)]));
        Assert.True(Cleared(item, onAcademy, [Record(RecordKind.SwapOutcome, value: nameof(SwapOutcome.CompletedSuccessful))]));
    }

    [Fact]
    public void No_academy_outcome_clears_when_it_is_recorded()
    {
        var item = Item(AttentionKind.NoAcademyOutcome, (AttentionFacts.AcademyId, Academy), (AttentionFacts.Days, "7"));
        Assert.False(Cleared(item, Candidate(CandidateStage.InSwap), [Record(RecordKind.SwapOutcome, programme: "another-academy")]));
        Assert.True(Cleared(item, Candidate(CandidateStage.InSwap), [Record(RecordKind.SwapOutcome)]));
    }

    [Fact]
    public void No_job_offer_clears_when_the_candidate_has_a_next_step()
    {
        var item = Item(AttentionKind.NoJobOffer, (AttentionFacts.AcademyId, Academy), (AttentionFacts.Outcome, nameof(SwapOutcome.CompletedUnsuccessful)));
        Assert.False(Cleared(item, Candidate(CandidateStage.InSwap))); // still finishing the academy the alert is about
        Assert.False(Cleared(item, Candidate(CandidateStage.Engaged)));
        var onAnother = Candidate(CandidateStage.InSwap, academy: "another-academy");
        Assert.True(Cleared(item, onAnother, [Record(RecordKind.SwapStart, Raised.AddDays(3), "another-academy")]));
        // Back from that academy without an offer either: still acted upon (that one has its own alert).
        Assert.True(Cleared(item, Candidate(CandidateStage.Engaged, academy: "another-academy"), [Record(RecordKind.SwapStart, Raised.AddDays(3), "another-academy")]));
        foreach (var next in new[] { CandidateStage.InWork, CandidateStage.AwaitingCohort, CandidateStage.InTraining })
            Assert.True(Cleared(item, Candidate(next)));
    }

    [Fact]
    public void A_sustainment_check_clears_when_that_week_is_answered()
    {
        var item = Item(AttentionKind.SustainmentOverdue, (AttentionFacts.Week, "13"));
        Assert.False(Cleared(item, Candidate(CandidateStage.InWork)));
        Assert.False(Cleared(item, Candidate(CandidateStage.InWork), [Record(RecordKind.SustainmentCheck, programme: null, value: "26", reason: "InWork")]));
        Assert.True(Cleared(item, Candidate(CandidateStage.InWork), [Record(RecordKind.SustainmentCheck, programme: null, value: "13", reason: "InWork")]));
    }

    [Fact]
    public void An_overdue_confirmation_clears_when_the_provider_confirms_anything_new()
    {
        var item = Item(AttentionKind.ConfirmationOverdue, (AttentionFacts.CommitmentId, "ap-c-1"), (AttentionFacts.Since, "2026-10-01"));
        var training = Candidate(CandidateStage.InTraining);
        Assert.False(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(-60), "prov-1", new(2026, 10, 1), nameof(ConfirmationKind.Milestone))]));
        Assert.True(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(1), "prov-1", new(2026, 12, 2), nameof(ConfirmationKind.OffTheJobHours))]));
        Assert.True(Cleared(item, Candidate(CandidateStage.Completed)));
    }

    [Fact]
    public void A_failed_assessment_clears_with_a_later_gateway_or_result_or_the_achievement()
    {
        var item = Item(AttentionKind.FailedAssessment, (AttentionFacts.CommitmentId, "ap-c-1"), (AttentionFacts.Date, "2026-12-01"));
        var training = Candidate(CandidateStage.InTraining);
        // The failed result itself, even if its record is a moment younger than the alert, does not clear it.
        Assert.False(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddMinutes(1), "prov-1", Session, nameof(ConfirmationKind.EpaResult), "Fail")]));
        Assert.False(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(3), "prov-1", Session.AddDays(3), nameof(ConfirmationKind.OffTheJobHours))]));
        Assert.True(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(30), "prov-1", Session.AddDays(30), nameof(ConfirmationKind.EpaResult), "Pass")]));
        Assert.True(Cleared(item, training, [Record(RecordKind.Achievement, programme: "ap-c-1", date: Session.AddDays(30), value: "Pass")]));
    }

    [Fact]
    public void A_break_in_learning_clears_with_the_return_or_training_confirmed_again()
    {
        var item = Item(AttentionKind.BreakInLearning, (AttentionFacts.CommitmentId, "ap-c-1"), (AttentionFacts.From, "2026-12-01"));
        var training = Candidate(CandidateStage.InTraining);
        Assert.False(Cleared(item, training, events: [new CommitmentEvent(CommitmentEventKind.BreakInLearning, Session)]));
        Assert.False(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(2), "prov-1", Session.AddDays(2), nameof(ConfirmationKind.BreakInLearning))]));
        Assert.False(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(2), "prov-1", Session.AddDays(-10), nameof(ConfirmationKind.OffTheJobHours))]));
        Assert.True(Cleared(item, training, events: [new CommitmentEvent(CommitmentEventKind.BreakInLearning, Session), new CommitmentEvent(CommitmentEventKind.ReturnFromBreak, Session.AddMonths(2), Session.AddMonths(14))]));
        Assert.True(Cleared(item, training, [Record(RecordKind.Confirmation, Raised.AddDays(40), "prov-1", Session.AddDays(40), nameof(ConfirmationKind.OffTheJobHours))]));
    }

    [Fact]
    public void An_alert_from_before_codes_stays_until_the_candidate_is_closed_and_reads_as_it_was_written()
    {
        var item = Item(AttentionKind.Other, (AttentionFacts.Reason, "needs a call."));
        Assert.False(Cleared(item, Candidate(CandidateStage.InTraining)));
        Assert.Equal("Needs a call.", AttentionWords.What(item, ProgrammeDirectory.Empty));
    }

    [Fact]
    public void The_words_name_the_academy_and_take_their_numbers_from_the_facts()
    {
        var academy = new Academy(Academy, "Adult Care Academy", "acorn-care", "Adult care", "prov-1", "County Hall", [Session], Session.AddDays(2), Session.AddDays(9), Session.AddDays(12), 450m)
            .ShowingEmployer(new Apprenticeships.Domain.Employers.Employer("acorn-care", "Acorn Care", "Adult care", IsLevyPayer: false, IsSme: true));
        var names = new ProgrammeDirectory(new Dictionary<string, Academy> { [Academy] = academy }, new Dictionary<string, Cohort>(), new Dictionary<string, ProviderAccount>());
        Assert.Equal("Missed the session on 1 December 2026 of the academy Adult Care Academy (Acorn Care).",
            AttentionWords.What(Item(AttentionKind.MissedSession, (AttentionFacts.AcademyId, Academy), (AttentionFacts.Session, "2026-12-01")), names));
        Assert.Equal("No outcome recorded for the academy Adult Care Academy (Acorn Care), 7 days after the interview.",
            AttentionWords.What(Item(AttentionKind.NoAcademyOutcome, (AttentionFacts.AcademyId, Academy), (AttentionFacts.Days, "7")), names));
        Assert.Equal($"No answer to the welcome email {PipelinePolicy.NoResponseAlertDays} days after referral.", AttentionWords.WhenRaised(AttentionKind.NoAnswer));
    }
}
