using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Application.Providers.Commands;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application.Tests;

public sealed class ProgrammeCommandTests
{
    private readonly Unreachable _ = new();

    [Fact]
    public async Task An_academy_needs_its_sessions_and_dates()
    {
        var creation = new AcademyCreation(_.Academies, _.Providers, _.EmployerRecords, _.AcademyVacancies, _.Clock);
        var result = await creation.CreateAsync(new CreateAcademy("bad id!", "Care academy", "acorn-care", "Adult care", "prov-1", "County Hall",
            [], "2026-12-10", "next week", null, 450m), default);
        Refusals.AssertInvalid(result, "id", "sessions", "placementEnd", "interviewDate");
    }

    [Fact]
    public async Task A_cohort_band_is_within_the_funding_bands_of_its_start()
    {
        var creation = new CohortCreation(_.Cohorts, _.Providers, _.Employers, _.Policy, _.Clock);
        var result = await creation.CreateAsync(new CreateCohort(null, "Intake", "Adult care worker", "council", "prov-1", "2027-01-04", 12, 7_000m, 99_000m), default);
        Refusals.AssertInvalid(result, "fundingBandMaximum");
    }

    [Fact]
    public async Task Attendance_names_the_candidate_the_session_and_whether_they_came()
    {
        var attendance = new AcademyAttendance(_.Academies, _.Candidates, _.Records, _.Clock);
        Refusals.AssertInvalid(await attendance.RecordAsync("a-1", new RecordAttendance(null, "2026-13-01", null), default), "candidateId", "date", "attended");
    }

    [Fact]
    public async Task An_academy_left_early_needs_the_reason_and_only_success_brings_an_offer()
    {
        var outcomes = new AcademyOutcomes(_.Academies, _.Candidates, _.Records, _.Workflows, _.Clock);
        Refusals.AssertInvalid(await outcomes.RecordAsync("a-1", new RecordAcademyOutcome("c-1", SwapOutcome.DidNotComplete, null, " "), default), "reason");
        Refusals.AssertInvalid(await outcomes.RecordAsync("a-1", new RecordAcademyOutcome("c-1", SwapOutcome.CompletedUnsuccessful, SwapOffer.Job, null), default), "offer");
        Assert.Empty(_.Workflows.Calls);
    }

    [Fact]
    public async Task An_academy_edit_is_checked_as_a_new_academy_is_before_anything_is_read()
    {
        var editing = new AcademyEditing(_.Academies, _.Providers, _.EmployerRecords, _.Candidates, _.AcademyVacancies, _.Clock);
        var edit = new EditAcademy("", "acorn care", "Adult care", "prov 1", "County Hall", ["2026-12-01", "1/12/2026"], "2026-12-10", null, "2026-12-20", -1m);
        Refusals.AssertInvalid(await editing.EditAsync("a-1", edit, default), "name", "employerId", "providerId", "sessions", "placementEnd", "costPerPlace");
        Assert.Equal(["costPerPlace", "employerId", "name", "placementEnd", "providerId", "sessions"], editing.CheckFields(edit).Keys.Order());
    }

    [Fact]
    public async Task A_cohort_edit_is_checked_as_a_new_cohort_is_before_anything_is_read()
    {
        var editing = new CohortEditing(_.Cohorts, _.Providers, _.Employers, _.Candidates, _.Policy, _.Clock);
        var edit = new EditCohort("Intake", " ", "council", "prov-1", "4 January 2027", null, 0m, 7_000m);
        Refusals.AssertInvalid(await editing.EditAsync("k-1", edit, default), "standardName", "startDate", "durationMonths", "agreedPrice");
    }

    [Fact]
    public void An_edit_may_keep_dates_now_past_but_not_add_them()
    {
        var today = DateOnly.FromDateTime(Unreachable.Now.UtcDateTime);
        var academy = new Academy("a-1", "Care", "Acorn", "Care", "prov-1", "Hall", [today.AddDays(-3), today.AddDays(2)], today.AddDays(4), today.AddDays(10), today.AddDays(12), 0);
        Assert.Contains("sessions", AcademyRules.Check(academy, today).Keys);
        Assert.Empty(AcademyRules.Check(academy, today, before: academy));
        Assert.Contains("sessions", AcademyRules.Check(academy with { Sessions = [today.AddDays(-4), today.AddDays(2)] }, today, before: academy).Keys);

        var cohort = new Cohort("k-1", "Intake", "Care worker", "council", "prov-1", today.AddDays(-10), 12, 7_000m, 7_000m);
        Assert.Contains("startDate", CohortRules.Check(cohort, today).Keys);
        Assert.Empty(CohortRules.Check(cohort with { Name = "Renamed" }, today, before: cohort));
        Assert.Contains("startDate", CohortRules.Check(cohort with { StartDate = today.AddDays(-9) }, today, before: cohort).Keys);
    }

    [Fact]
    public async Task A_session_register_needs_a_real_session_date_before_anything_is_read()
    {
        var attendance = new AcademyAttendance(_.Academies, _.Candidates, _.Records, _.Clock);
        Refusals.AssertInvalid(await attendance.RegisterAsync("a-1", "tomorrow", default), "date");
        Refusals.AssertInvalid(await attendance.RecordSessionAttendanceAsync("a-1", new RecordSessionAttendance(null, new Dictionary<string, bool?> { ["c-1"] = true }), default), "date");
        Assert.Equal("attended-c-1", AcademyAttendance.AnswerField("c-1"));
    }

    [Fact]
    public async Task An_advisor_needs_a_staff_id_a_name_and_an_email_address_before_anything_is_stored()
    {
        var directory = new Apprenticeships.Application.Staff.Commands.AdvisorDirectory(_.Advisors);
        Refusals.AssertInvalid(await directory.AddAsync(new("amara okafor", "---", "amara@"), default), "id", "name", "email");
        Refusals.AssertInvalid(await directory.AddAsync(new("amara", "Amara\tOkafor", null), default), "name", "email");
        Refusals.AssertInvalid(await directory.EditAsync("amara", new(" ", "amara@example.org"), default), "name");
        Assert.Null(await directory.GetAsync("not an id", default));
    }

    [Fact]
    public async Task A_provider_needs_an_id_fit_for_its_key_and_a_name()
    {
        var keys = new ProviderKeys(_.Providers, _.Clock);
        Refusals.AssertInvalid(await keys.RegisterAsync(new RegisterProvider("care.skills", ""), default), "id", "name");
    }

    [Theory]
    [InlineData(ConfirmationKind.OffTheJobHours, "2026-11-01", null, "hours")]
    [InlineData(ConfirmationKind.Milestone, "2026-11-01", null, "detail")]
    [InlineData(ConfirmationKind.EpaResult, "2026-11-01", null, "grade")]
    [InlineData(ConfirmationKind.Gateway, "2026-12-01", null, "date")]   // after today
    public async Task A_provider_confirmation_carries_what_its_kind_needs(ConfirmationKind kind, string date, string? detail, string field)
    {
        var confirmations = new ProviderConfirmations(_.Candidates, _.Academies, _.Cohorts, _.Records,
            new AcademyAttendance(_.Academies, _.Candidates, _.Records, _.Clock), _.Workflows, _.Clock);
        var provider = new ProviderAccount("prov-1", "Care Skills", "00", Unreachable.Now);
        Refusals.AssertInvalid(await confirmations.ConfirmAsync(provider, new ConfirmTraining("ref-1", "c-1", kind, date, null, null, detail, null), default), field);
        Assert.Empty(_.Workflows.Calls);
    }

    [Theory]
    [InlineData("2026-11-20", null, "newPlannedEnd")]                 // a return needs its new planned end
    [InlineData("2026-11-20", "31/12/2027", "newPlannedEnd")]
    [InlineData("2026-11-20", "2026-11-20", "newPlannedEnd")]         // after the return
    [InlineData("2026-11-20", "2036-11-21", "newPlannedEnd")]         // at most ten years on
    [InlineData("2026-12-01", "2027-12-31", "date")]                  // not in the future
    public async Task A_return_from_a_break_has_a_new_planned_end_after_it_and_within_ten_years(string date, string? newEnd, string field)
    {
        var confirmations = new ProviderConfirmations(_.Candidates, _.Academies, _.Cohorts, _.Records,
            new AcademyAttendance(_.Academies, _.Candidates, _.Records, _.Clock), _.Workflows, _.Clock);
        var provider = new ProviderAccount("prov-1", "Care Skills", "00", Unreachable.Now);
        var command = new ConfirmTraining("ref-1", "c-1", ConfirmationKind.ReturnFromBreak, date, null, null, null, null, newEnd);
        Refusals.AssertInvalid(await confirmations.ConfirmAsync(provider, command, default), field);
        Assert.Empty(_.Workflows.Calls);
    }
}
