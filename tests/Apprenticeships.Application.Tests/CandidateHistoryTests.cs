using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Candidates.Queries;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Tests;

/// <summary>The timeline a person reads: one event per fact, programmes by name, codes in words, nudges and alerts shown.</summary>
public sealed class CandidateHistoryTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Session = new(2026, 12, 4);

    private static readonly ProgrammeDirectory Names = new(
        new Dictionary<string, Academy>
        {
            ["academy-1"] = new("academy-1", "Adult Care Academy", "acorn-care", "Adult care", "prov-1", "County Hall", [Session], Session.AddDays(3), Session.AddDays(10), Session.AddDays(13), 450m),
        },
        new Dictionary<string, Cohort> { ["cohort-1"] = new("cohort-1", "Adult care intake", "Adult care worker (level 2)", "council", "prov-1", new(2027, 2, 1), 12, 7_000m, 7_000m) },
        new Dictionary<string, ProviderAccount> { ["prov-1"] = new("prov-1", "Care Skills Training", "hash", Day0) })
    {
        Employers = new Dictionary<string, Apprenticeships.Domain.Employers.Employer> { ["acorn-care"] = new("acorn-care", "Acorn Care", "Adult care", IsLevyPayer: false, IsSme: true) },
    };

    private static readonly Candidate Amira = new()
    {
        Id = "c-1", GivenName = "Amira", FamilyName = "Khan", Email = "amira@example.org", Postcode = "WR1 2AB", DateOfBirth = new(2004, 3, 9),
        Source = ReferralSource.JobcentreWorkCoach, LawfulBasis = "Public task", AdvisorId = "advisor-1", EnrolledAt = Day0,
        Stage = CandidateStage.AwaitingCohort, StageChangedAt = Day0.AddDays(20), AcademyId = "academy-1", CohortId = "cohort-1",
    };

    private static ProgrammeRecord Record(string key, RecordKind kind, DateTimeOffset at, string? programme = null, DateOnly? date = null, string? value = null, string? reason = null, decimal? amount = null) =>
        new("c-1", key, kind, at) { ProgrammeId = programme, Date = date, Value = value, Reason = reason, Amount = amount };

    private static List<TimelineEvent> Build(TimelineRows rows, IReadOnlyList<ProgrammeRecord> records, IReadOnlyList<AttentionItem>? alerts = null) =>
        CandidateHistory.Build(Amira, rows, records, alerts ?? [], Names);

    [Fact]
    public void Joining_an_academy_its_attendance_and_its_outcome_are_one_event_each_named_and_in_words()
    {
        var rows = new TimelineRows(
        [
            new(Day0, CandidateStage.AwaitingInterest, "Welcome email sent; waiting for the candidate to confirm interest."),
            new(Day0.AddDays(1), CandidateStage.Engaged, "The candidate confirmed their interest."),
            // As journeys before names wrote them: the id in the words, no programme column.
            new(Day0.AddDays(2).AddSeconds(2), CandidateStage.InSwap, "Joined academy academy-1."),
            new(Day0.AddDays(16).AddSeconds(5), CandidateStage.Engaged, "Finished the academy (completed successfully) with an offer of an apprenticeship; waiting for the start.") { ProgrammeId = "academy-1" },
            new(Day0.AddDays(20), CandidateStage.AwaitingCohort, "Accepted for a cohort; waiting for its start date.") { ProgrammeId = "cohort-1" },
        ],
        [new(Day0.AddDays(4), "confirm-interest-nudge", new Dictionary<string, string>())]);
        var records = new List<ProgrammeRecord>
        {
            Record("swap-start-academy-1", RecordKind.SwapStart, Day0.AddDays(2), "academy-1", amount: 450m),
            Record("attendance-academy-1-2026-12-04", RecordKind.Attendance, Day0.AddDays(3).AddHours(3), "academy-1", Session, "Present"),
            Record("confirmation-prov-1-att-1", RecordKind.Confirmation, Day0.AddDays(3).AddHours(3), "prov-1", Session, "Attendance", "attended"),
            Record("swap-outcome-academy-1", RecordKind.SwapOutcome, Day0.AddDays(16), "academy-1", value: "CompletedSuccessful", reason: "Offer: Apprenticeship"),
        };

        var events = Build(rows, records);

        Assert.Equal(
        [
            (TimelineEventKind.Stage, CandidateStage.AwaitingInterest, "Welcome email sent; waiting for the candidate to confirm interest."),
            (TimelineEventKind.Stage, CandidateStage.Engaged, "The candidate confirmed their interest."),
            (TimelineEventKind.Stage, CandidateStage.InSwap, "Joined the academy Adult Care Academy (Acorn Care)."),
            (TimelineEventKind.Fact, CandidateStage.InSwap, "Attended the session on 4 December 2026 of the academy Adult Care Academy (Acorn Care). Confirmed by Care Skills Training."),
            (TimelineEventKind.Email, CandidateStage.InSwap, "Emailed a reminder to confirm their interest."),
            (TimelineEventKind.Stage, CandidateStage.Engaged, "Finished the academy Adult Care Academy (Acorn Care): completed successfully, offered an apprenticeship."),
            (TimelineEventKind.Stage, CandidateStage.AwaitingCohort, "Accepted for the cohort Adult care intake (Adult care worker (level 2)); waiting for its start on 1 February 2027."),
        ], events.Select(e => (e.Kind, e.Stage, e.What)));
    }

    [Fact]
    public void A_fact_without_its_stage_change_stands_alone_and_alerts_are_shown_in_words()
    {
        var rows = new TimelineRows([new(Day0, CandidateStage.AwaitingInterest, "Welcome email sent; waiting for the candidate to confirm interest.")], []);
        var records = new List<ProgrammeRecord>
        {
            Record("confirmation-prov-1-otj-1", RecordKind.Confirmation, Day0.AddDays(40), "prov-1", new(2027, 1, 10), "OffTheJobHours", "30 hours", 30m),
            Record("sustainment-13", RecordKind.SustainmentCheck, Day0.AddDays(41), value: "13", reason: "InWork"),
        };
        var alert = new AttentionItem("c-1", "journey-c-1#3", AttentionKind.NoAnswer, new Dictionary<string, string> { [AttentionFacts.Days] = "7" }, Day0.AddDays(7));

        var events = Build(rows, records, [alert]);

        Assert.Equal(
        [
            (TimelineEventKind.Stage, "Welcome email sent; waiting for the candidate to confirm interest."),
            (TimelineEventKind.Alert, "Advisors alerted: has not confirmed interest 7 days after referral."),
            (TimelineEventKind.Fact, "Care Skills Training confirmed off-the-job hours on 10 January 2027: 30 hours."),
            (TimelineEventKind.Fact, "13-week sustainment check: still in work."),
        ], events.Select(e => (e.Kind, e.What)));
    }

    [Fact]
    public void A_job_start_from_before_employers_had_records_keeps_the_name_typed()
    {
        var rows = new TimelineRows([new(Day0.AddSeconds(1), CandidateStage.InWork, "Started a job on 4 December 2026.")], []);
        var events = Build(rows, [Record("job-start", RecordKind.JobStart, Day0, date: Session, value: JobRoute.Direct, reason: "Severn Logistics")]);
        Assert.Equal("Started a job with Severn Logistics on 4 December 2026.", Assert.Single(events).What);
    }

    [Fact]
    public void A_job_start_the_last_sustainment_answer_and_an_achievement_are_one_event_with_the_stage_they_caused()
    {
        var rows = new TimelineRows(
        [
            new(Day0.AddSeconds(1), CandidateStage.InWork, "Started a job on 4 December 2026."),
            new(Day0.AddDays(190).AddSeconds(1), CandidateStage.Completed, "Still in work at the 26-week check."),
        ], []);
        var records = new List<ProgrammeRecord>
        {
            Record("job-start", RecordKind.JobStart, Day0, programme: "acorn-care", date: Session, value: JobRoute.ViaSwap),
            Record("sustainment-26", RecordKind.SustainmentCheck, Day0.AddDays(190), value: "26", reason: "InWork"),
        };

        var events = Build(rows, records);

        Assert.Equal(
        [
            (TimelineEventKind.Stage, CandidateStage.InWork, "Started a job with Acorn Care on 4 December 2026 after an academy."),
            (TimelineEventKind.Stage, CandidateStage.Completed, "26-week sustainment check: still in work."),
        ], events.Select(e => (e.Kind, e.Stage, e.What)));
    }

    [Fact]
    public void A_passed_assessment_and_the_achievement_it_brought_are_one_event()
    {
        var passed = new DateOnly(2028, 2, 10);
        var rows = new TimelineRows([new(Day0.AddDays(800).AddSeconds(3), CandidateStage.Completed, "Achieved the apprenticeship with a merit.")], []);
        var records = new List<ProgrammeRecord>
        {
            Record("confirmation-prov-1-epa-1", RecordKind.Confirmation, Day0.AddDays(800), "prov-1", passed, "EpaResult", "Merit"),
            Record("achievement", RecordKind.Achievement, Day0.AddDays(800).AddSeconds(1), "ap-c-1", passed, "Merit"),
        };

        var events = Build(rows, records);

        var only = Assert.Single(events);
        Assert.Equal((TimelineEventKind.Stage, CandidateStage.Completed, "Achieved the apprenticeship on 10 February 2028 with a merit. Confirmed by Care Skills Training."),
            (only.Kind, only.Stage, only.What));
    }

    [Fact]
    public void Codes_have_words()
    {
        Assert.Equal("Jobcentre work coach", Words.Of(ReferralSource.JobcentreWorkCoach));
        Assert.Equal("Completed successfully", Words.Of(SwapOutcome.CompletedSuccessful));
        Assert.Equal("Completed successfully", Words.OutcomeOf("CompletedSuccessful"));
        Assert.Equal("off-the-job hours", Words.Of(ConfirmationKind.OffTheJobHours));
        Assert.Equal("a merit", Words.GradeOf("Merit"));
        Assert.All(Enum.GetValues<ReferralSource>(), s => Assert.DoesNotMatch("[a-z][A-Z]", Words.Of(s)));
        Assert.All(Enum.GetValues<SwapOutcome>(), o => Assert.DoesNotMatch("[a-z][A-Z]", Words.Of(o)));
        Assert.All(Enum.GetValues<ConfirmationKind>(), k => Assert.DoesNotMatch("[a-z][A-Z]", Words.Of(k)));
    }
}
