using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Finance.Commands;
using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Application.Reports.Queries;
using Apprenticeships.Domain.Candidates;

namespace Apprenticeships.Application.Tests;

/// <summary>
/// What any command accepts as text, dates and money (InputLimits): a refusal names the field and
/// comes before any storage call or workflow signal (the stores here are unreachable).
/// </summary>
public sealed class InputLimitsTests
{
    private readonly Unreachable _ = new();

    [Theory]
    [InlineData("Care\tacademy")]
    [InlineData("Care\nacademy")]
    [InlineData("Care\u0000")]
    [InlineData("Care\u0085academy")]
    public void Free_text_refuses_control_characters_naming_the_field(string text)
    {
        var errors = new FieldErrors();
        Assert.Null(errors.Text("name", text, "Name", InputLimits.Title));
        Assert.Contains("control characters", Assert.Single(errors.ToDictionary()["name"]));
    }

    [Fact]
    public void Free_text_refuses_half_a_surrogate_pair()
    {
        // Built here: an attribute's string cannot carry a lone surrogate.
        var errors = new FieldErrors();
        Assert.Null(errors.Text("name", "half a pair " + (char)0xD800, "Name", InputLimits.Title));
        Assert.True(errors.Has("name"));
    }

    [Fact]
    public void Free_text_is_trimmed_and_kept_to_its_length_with_emoji_and_accents_welcome()
    {
        var errors = new FieldErrors();
        Assert.Equal("Zoë's café 😀", errors.Text("name", "  Zoë's café 😀 ", "Name", InputLimits.Title));
        Assert.Null(errors.Text("place", new string('p', InputLimits.Place + 1), "Place", InputLimits.Place));
        Assert.Equal(["place"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("O'Brien", true)]
    [InlineData("Nguyễn", true)]
    [InlineData("---", false)]
    [InlineData("123", false)]
    [InlineData("\u0007", false)]
    public void A_name_has_a_letter(string name, bool accepted)
    {
        var errors = new FieldErrors();
        Assert.Equal(accepted, errors.Name("givenName", name, "First name") is not null);
        Assert.Equal(!accepted, errors.Has("givenName"));
    }

    [Theory]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("2101-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    public void Dates_are_this_century_give_or_take(string date, bool accepted)
    {
        var errors = new FieldErrors();
        Assert.Equal(accepted, errors.Date("startDate", date, "Start date") is not null);
        Assert.Equal(accepted, errors.Instant("submissionDate", date, "Submission date") is not null);
    }

    [Theory]
    [InlineData("12.34", true)]
    [InlineData("0.001", false)]
    [InlineData("-0.01", false)]
    [InlineData("0", false)]
    [InlineData("1000000000.01", false)]
    public void Money_is_pounds_and_pence_above_zero_and_below_a_billion(string amount, bool accepted)
    {
        var errors = new FieldErrors();
        Assert.Equal(accepted, errors.Money("amount", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "Amount") is not null);
        Assert.Equal(!accepted, errors.Has("amount"));
    }

    [Fact]
    public void Zero_money_is_allowed_where_it_means_something()
    {
        var errors = new FieldErrors();
        Assert.Equal(0m, errors.Money("costPerPlace", 0m, "Cost per place", zeroAllowed: true));
        Assert.Null(errors.Money("costPerPlace", null, "Cost per place", required: false));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("c-0123456789", true)]
    [InlineData("demo_academy-1", true)]
    [InlineData("a/b", false)]
    [InlineData("a#b", false)]
    [InlineData("caf\u00e9", false)]
    [InlineData("", false)]
    public void An_id_is_letters_digits_dashes_and_underscores(string id, bool wellFormed)
    {
        Assert.Equal(wellFormed, InputLimits.IsId(id));
        Assert.False(InputLimits.IsId(new string('a', InputLimits.Id + 1)));
    }

    [Fact]
    public async Task Enrolment_refuses_a_number_cast_to_a_source_control_characters_and_a_huge_lawful_basis()
    {
        var enrolment = new CandidateEnrolment(_.Candidates, _.Workflows, _.EnrolmentIds, _.Clock);
        var result = await enrolment.EnrolAsync(new EnrolCandidate("\u0007", "-", "amira@example.org", "WR1 2AB", new DateOnly(2004, 3, 9),
            (ReferralSource)7, Consent: true, new string('x', 1_000_000), "advisor\n1"), default);
        Refusals.AssertInvalid(result, "givenName", "familyName", "source", "lawfulBasis", "advisorId");
        Assert.Empty(_.Workflows.Calls);
    }

    [Fact]
    public async Task A_cohort_starts_this_century_and_its_price_is_in_pence()
    {
        var creation = new CohortCreation(_.Cohorts, _.Providers, _.Employers, _.Policy, _.Clock);
        var result = await creation.CreateAsync(new CreateCohort(null, "Intake", "Adult care worker", "council", "prov-1", "9999-12-31", 12, 7_000.001m, 7_000m), default);
        Refusals.AssertInvalid(result, "startDate", "agreedPrice");
    }

    [Fact]
    public async Task A_commitment_ends_within_ten_years_of_its_start()
    {
        var commitments = new Commitments(_.Employers, _.Commitments, _.Policy);
        var result = await commitments.CreateAsync(new CreateCommitment("ap-1", "council", 9_000m, 9_000m, "2027-01-04", "2037-01-05", 19, false, false), default);
        Refusals.AssertInvalid(result, "plannedEndDate");
        Assert.Contains("10 years", result.Problem!.Detail);
    }

    [Fact]
    public async Task An_outcome_report_cannot_reach_the_end_of_the_calendar()
    {
        var figures = new OutcomeFiguresQuery(_.Candidates, _.Records, _.Cohorts, _.Commitments, _.Accounts, _.Policy, _.Clock);
        Refusals.AssertInvalid(await figures.BuildAsync("9999-12-25", "9999-12-31", default), "from", "to");
        Refusals.AssertInvalid(await figures.BuildAsync("2026-01-01", "9999-12-31", default), "to");
    }

    [Fact]
    public async Task A_link_to_a_candidate_id_that_could_not_exist_is_not_looked_up()
    {
        var withdrawal = new CandidateWithdrawal(_.Candidates, _.Timeline, _.Commitments, _.Workflows, _.Clock);
        var result = await withdrawal.WithdrawAsync(new string('c', 5000), new WithdrawCandidate("Moved away"), default);
        Assert.Equal(ProblemKind.NotFound, result.Problem!.Kind);
    }
}
