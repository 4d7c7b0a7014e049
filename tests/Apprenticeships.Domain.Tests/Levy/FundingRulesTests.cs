using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

public class FundingRulesTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    [Theory]
    // employer        start         age  ehc    expected employer share of a shortfall
    [InlineData(false, "2018-09-01", 30, false, 0.10)]
    [InlineData(false, "2019-04-01", 30, false, 0.05)]
    [InlineData(true, "2025-09-01", 30, false, 0.05)]
    // Levy payers out of funds: 25% from August 2026 (written answer to Parliament, 11 Feb 2026), not April.
    [InlineData(true, "2026-04-01", 30, false, 0.05)]
    [InlineData(true, "2026-07-31", 30, false, 0.05)]
    [InlineData(true, "2026-08-01", 30, false, 0.25)]
    // Non-levy employers keep 5%: the answer changes the rate for levy payers only.
    [InlineData(false, "2026-08-01", 30, false, 0.05)]
    [InlineData(false, "2024-04-01", 21, false, 0.0)]
    [InlineData(false, "2024-03-31", 19, false, 0.05)]
    [InlineData(false, "2024-09-01", 23, true, 0.0)]
    [InlineData(false, "2024-09-01", 23, false, 0.05)]
    [InlineData(false, "2024-09-01", 25, true, 0.05)]
    public void Co_investment_follows_the_rule_in_force_at_the_start(bool levyPayer, string start, int age, bool ehc, double expected)
    {
        var employer = new Domain.Levy.Account.LevyEmployer("e", "E", levyPayer, IsSme: false);
        var commitment = Commitment(9_000m, start, "2027-08-31", age: age, ehc: ehc);

        Assert.Equal((decimal)expected, CoInvestment.EmployerShare(commitment, employer, Policy));
    }

    [Theory]
    // Written answer to Parliament, 11 Feb 2026: from August 2026 training is fully funded for eligible
    // apprentices aged 16-24 at non-levy paying employers. Before then, 22-24 needed an EHC plan or care.
    [InlineData("2026-07-31", 22, 0.05)]
    [InlineData("2026-08-01", 22, 0.0)]
    [InlineData("2026-08-01", 24, 0.0)]
    [InlineData("2026-08-01", 25, 0.05)]
    [InlineData("2026-07-31", 21, 0.0)]
    public void From_August_2026_a_non_levy_employers_apprentice_aged_16_to_24_is_fully_government_funded(string start, int age, double expected)
    {
        var nonLevyLargeEmployer = new Domain.Levy.Account.LevyEmployer("e", "E", IsLevyPayer: false, IsSme: false);

        Assert.Equal((decimal)expected, CoInvestment.EmployerShare(Commitment(9_000m, start, "2027-08-31", age: age), nonLevyLargeEmployer, Policy));
        Assert.Equal((decimal)expected, CoInvestment.EmployerShare(Commitment(9_000m, start, "2027-08-31", age: age), CareProvider, Policy));
    }

    [Fact]
    public void A_levy_paying_sme_out_of_funds_co_invests_even_for_a_young_apprentice()
    {
        // Full funding goes by not paying the levy, not by size: "non-levy paying employers (essentially SMEs)".
        var levyPayingSme = new Domain.Levy.Account.LevyEmployer("e", "E", IsLevyPayer: true, IsSme: true);

        Assert.Equal(0.25m, CoInvestment.EmployerShare(Commitment(9_000m, "2026-09-01", "2027-08-31", age: 20), levyPayingSme, Policy));
        Assert.Equal(0.05m, CoInvestment.EmployerShare(Commitment(9_000m, "2026-04-01", "2027-08-31", age: 20), levyPayingSme, Policy));
    }

    [Fact]
    public void A_17_year_old_earns_employer_and_provider_1000_each_in_two_parts_at_89_and_364_days()
    {
        var payments = Incentives.For(Commitment(9_000m, "2026-09-01", "2027-08-31", age: 17), [], Policy);

        Assert.Equal(
            [
                "Employer 1 2026-11-29 500.00 Payable", "Employer 2 2027-08-31 500.00 Payable",
                "Provider 1 2026-11-29 500.00 Payable", "Provider 2 2027-08-31 500.00 Payable",
            ],
            payments.Select(p => $"{p.Payee} {p.Part} {p.DueDate:yyyy-MM-dd} {p.Amount:0.00} {p.Status}"));
    }

    [Fact]
    public void An_incentive_part_due_after_the_planned_end_or_after_withdrawal_is_not_paid()
    {
        var shortCourse = Incentives.For(Commitment(9_000m, "2026-09-01", "2027-08-30", age: 17), [], Policy);
        Assert.Equal(IncentiveStatus.AfterPlannedEnd, shortCourse.Single(p => p is { Payee: IncentivePayee.Employer, Part: 2 }).Status);

        var withdrawn = Incentives.For(Commitment(9_000m, "2026-09-01", "2027-08-31", age: 17),
            [new CommitmentEvent(CommitmentEventKind.Withdrawal, D("2026-11-01"))], Policy);
        Assert.All(withdrawn, p => Assert.Equal(IncentiveStatus.Withdrawn, p.Status));
    }

    [Theory]
    [InlineData(19, false, false, false)]
    [InlineData(19, true, false, true)]
    [InlineData(24, false, true, true)]
    [InlineData(25, true, true, false)]
    [InlineData(16, false, false, true)]
    public void Incentive_eligibility_by_age_ehc_plan_and_care_leaver_status(int age, bool ehc, bool careLeaver, bool eligible)
    {
        var payments = Incentives.For(Commitment(9_000m, "2026-09-01", "2027-08-31", age: age, ehc: ehc, careLeaver: careLeaver), [], Policy);

        Assert.Equal(eligible, payments.Count > 0);
    }
}
