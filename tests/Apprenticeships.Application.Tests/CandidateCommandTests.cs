using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Candidates.Queries;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Tests;

public sealed class CandidateCommandTests
{
    private readonly Unreachable _ = new();

    [Fact]
    public async Task Enrolment_refuses_a_referral_that_breaks_the_rules_and_starts_no_journey()
    {
        var enrolment = new CandidateEnrolment(_.Candidates, _.Workflows, _.EnrolmentIds, _.Clock);
        var result = await enrolment.EnrolAsync(new EnrolCandidate(" ", "Khan", "not-an-email", "WR1 2AB", new DateOnly(2015, 1, 1),
            ReferralSource.JobcentreWorkCoach, Consent: false, "Public task", "advisor-1"), default);
        Refusals.AssertInvalid(result, "givenName", "email", "dateOfBirth", "consent");
        Assert.Empty(_.Workflows.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Withdrawal_needs_a_reason(string? reason)
    {
        var withdrawal = new CandidateWithdrawal(_.Candidates, _.Timeline, _.Commitments, _.Workflows, _.Clock);
        Refusals.AssertInvalid(await withdrawal.WithdrawAsync("c-1", new WithdrawCandidate(reason), default), "reason");
        Assert.Empty(_.Workflows.Calls);
    }

    [Fact]
    public async Task Withdrawal_reason_is_at_most_500_characters()
    {
        var withdrawal = new CandidateWithdrawal(_.Candidates, _.Timeline, _.Commitments, _.Workflows, _.Clock);
        var result = await withdrawal.WithdrawAsync("c-1", new WithdrawCandidate(new string('x', 501)), default);
        Refusals.AssertInvalid(result, "reason");
        Assert.Contains("500", result.Problem!.Detail);
    }

    private CandidateAssignments Assignments() => new(_.Candidates, _.Academies, _.Cohorts, _.Records, _.EmployerRecords, _.Workflows, _.Clock, _.Progression);

    [Theory]
    [InlineData(null)]
    [InlineData("c 1")]
    [InlineData("c/../1")]
    public async Task Adding_a_member_needs_a_well_formed_candidate_id(string? candidateId)
    {
        Refusals.AssertInvalid(await Assignments().AddToAcademyAsync("a-1", new AddMember(candidateId), default), "candidateId");
        Refusals.AssertInvalid(await Assignments().AddToCohortAsync("k-1", new AddMember(candidateId), default), "candidateId");
        Assert.Empty(_.Workflows.Calls);
    }

    [Theory]
    [InlineData("2027-03-02", "acorn-care", "startDate")]      // 93 days ahead: beyond the 92-day window
    [InlineData("2026-08-28", "acorn-care", "startDate")]      // 93 days back
    [InlineData("29/11/2026", "acorn-care", "startDate")]
    [InlineData("2026-12-01", "", "employerId")]
    [InlineData("2026-12-01", "Acorn Care", "employerId")]    // a name, not an employer's id
    public async Task A_job_start_is_a_real_date_near_today_with_an_employer(string start, string employer, string field)
    {
        Refusals.AssertInvalid(await Assignments().RecordJobStartAsync("c-1", new RecordJobStart(start, employer), default), field);
        Assert.Empty(_.Workflows.Calls);
    }

    [Theory]
    [InlineData(7, true, "week")]
    [InlineData(null, true, "week")]
    [InlineData(13, null, "inWork")]
    public async Task A_sustainment_answer_is_for_week_13_or_26_and_says_in_work_or_not(int? week, bool? inWork, string field)
    {
        var answers = new SustainmentAnswers(_.Candidates, _.Records, _.Workflows, _.Clock);
        Refusals.AssertInvalid(await answers.RecordAsync("c-1", new RecordSustainment(week, inWork), default), field);
        Assert.Empty(_.Workflows.Calls);
    }

    [Fact]
    public async Task Finding_candidates_names_the_stages_there_are()
    {
        var queries = new CandidateQueries(_.Candidates, _.Timeline, _.Records, _.Attention, _.Names, _.Workflows);
        var result = await queries.FindAsync("Sleeping", null, default);
        Refusals.AssertInvalid(result, "stage");
        Assert.Contains(nameof(CandidateStage.InSwap), result.Problem!.Detail);
    }
}
