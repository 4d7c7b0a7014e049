using Apprenticeships.Application.Finance.Commands;
using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Application.Finance.Queries;
using Apprenticeships.Application.Reports.Queries;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Tests;

public sealed class FinanceCommandTests
{
    private readonly Unreachable _ = new();

    private LevyEmployers Employers() => new(_.Employers, new LevyDeclarationRepository(_.LevyTables), new EnglishFractionRepository(_.LevyTables), _.Policy);

    [Fact]
    public async Task An_employer_says_whether_it_pays_the_levy()
    {
        Refusals.AssertInvalid(await Employers().AddEmployerAsync(new AddEmployer("council", "County Council", null, null), default), "isLevyPayer");
    }

    [Fact]
    public async Task A_declaration_is_for_a_levy_tax_year_and_month_with_a_levy_to_date_that_is_not_negative()
    {
        var result = await Employers().AddDeclarationAsync("council", new AddLevyDeclaration("123/AB", "2016-17", 13, -1m, "2026-11-01"), default);
        Refusals.AssertInvalid(result, "payrollYear", "payrollMonth", "levyDueYtd");
    }

    [Fact]
    public async Task A_declaration_gives_exactly_one_of_levy_to_date_or_pay_bill_in_whole_pence()
    {
        Refusals.AssertInvalid(await Employers().AddDeclarationAsync("council", new AddLevyDeclaration("123/AB", "26-27", 1, 10m, "2026-05-01", 10m), default), "payBill");
        Refusals.AssertInvalid(await Employers().AddDeclarationAsync("council", new AddLevyDeclaration("123/AB", "26-27", 1, null, "2026-05-01"), default), "levyDueYtd", "payBill");
        Refusals.AssertInvalid(await Employers().AddDeclarationAsync("council", new AddLevyDeclaration("123/AB", "26-27", 1, null, "2026-05-01", 0.001m), default), "payBill");
    }

    [Fact]
    public async Task A_return_from_a_break_has_a_new_planned_end_after_it_within_the_levy_years()
    {
        var commitments = new Commitments(_.Employers, _.Commitments, _.Policy);
        Refusals.AssertInvalid(await commitments.RecordReturnAsync("ap-1", new RecordReturnFromBreak("2027-01-10", "2027-01-01"), default), "newPlannedEnd");
        Refusals.AssertInvalid(await commitments.RecordReturnAsync("ap-1", new RecordReturnFromBreak("2016-01-10", "2101-01-01"), default), "date", "newPlannedEnd");
    }

    [Fact]
    public void The_policy_is_asked_about_a_date_from_April_2017_to_2100()
    {
        var policy = new PolicyInForce(_.Policy, _.Clock);
        Refusals.AssertInvalid(policy.On("2017-03-31"), "date");
        Refusals.AssertInvalid(policy.On("2101-01-01"), "date");
        Assert.Equal(0.005m, policy.On("2017-04-06").Value!.LevyRate);
        Assert.Null(policy.On("2017-04-06").Value!.TransferAllowanceShare);
    }

    [Fact]
    public async Task An_english_fraction_is_between_nought_and_one()
    {
        Refusals.AssertInvalid(await Employers().AddEnglishFractionAsync("council", new AddEnglishFraction("2026-03-01", 1.2m), default), "fraction");
    }

    [Fact]
    public async Task A_commitment_ends_after_it_starts_for_an_apprentice_of_working_age()
    {
        var commitments = new Commitments(_.Employers, _.Commitments, _.Policy);
        var result = await commitments.CreateAsync(new CreateCommitment("ap-1", "council", 7_000m, 7_000m, "2026-09-01", "2026-08-01", 15, false, false), default);
        Refusals.AssertInvalid(result, "plannedEndDate", "apprenticeAgeAtStart");
        Refusals.AssertInvalid(await commitments.RecordEventAsync("ap-1", CommitmentEventKind.Completion, new RecordCommitmentEvent("soon"), default), "date");
    }

    [Fact]
    public async Task A_transfer_goes_to_another_employer_in_pounds_and_pence()
    {
        var transfers = new Transfers(_.Employers, _.Accounts, _.Transfers, _.Policy);
        Refusals.AssertInvalid(await transfers.MakeAsync(new MakeTransfer("t-1", "council", "council", "2026-11-01", 10.005m), default), "receiverId", "amount");
    }

    [Fact]
    public async Task An_account_month_and_a_forecast_length_are_in_range()
    {
        var accounts = new LevyAccounts(_.Employers, _.Accounts, _.Policy, _.Clock);
        Refusals.AssertInvalid(await accounts.AccountAsync("council", "9024-01", default), "asOf");
        Refusals.AssertInvalid(await accounts.ForecastAsync("council", "0", null, null, default), "months");
    }

    [Fact]
    public async Task An_outcome_report_covers_at_most_five_years_forwards()
    {
        var report = new OutcomeFiguresQuery(_.Candidates, _.Records, _.Cohorts, _.Commitments, _.Accounts, _.Policy, _.Clock);
        Refusals.AssertInvalid(await report.BuildAsync("2026-01-01", "2025-01-01", default), "to");
        Refusals.AssertInvalid(await report.BuildAsync("2020-01-01", "2026-01-02", default), "to");
        Refusals.AssertInvalid(await report.BuildAsync("2026-1-1", null, default), "from", "to");
    }
}
