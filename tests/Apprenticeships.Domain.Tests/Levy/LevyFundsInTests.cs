using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

public class LevyFundsInTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    private static IReadOnlyList<FundsInEntry> FundsIn(params LevyDeclaration[] declarations) =>
        LevyFundsIn.Calculate(declarations, [], Policy);

    [Fact]
    public void Funds_enter_the_month_after_the_payroll_month_with_the_10_percent_top_up()
    {
        var entry = Assert.Single(FundsIn(Declaration("26-27", 1, 1_000m, "2026-05-15")));

        Assert.Equal(M("2026-05"), entry.Month);
        Assert.Equal(1_000m, entry.Levy);
        Assert.Equal(1_100m, entry.Amount);
    }

    [Fact]
    public void The_top_up_is_the_one_dated_before_the_cut_off_so_july_2026_payroll_gets_none()
    {
        // Written answer to Parliament, 11 Feb 2026: the 10% top-up is removed from August 2026. DAS
        // CreateTopUpPercentages.sql dates the 0% row 2026-08-01 and the GetLevyDeclaration view takes the
        // row dated before the payroll month's cut-off, so June payroll keeps 10% and July's has none.
        var entries = FundsIn(
            Declaration("26-27", 3, 3_000m, "2026-07-10"),   // June payroll, cut-off 20 July: 10%
            Declaration("26-27", 4, 4_000m, "2026-08-10"));  // July payroll, cut-off 20 August: 0% from 1 August

        Assert.Equal([(M("2026-07"), 3_300m), (M("2026-08"), 1_000m)], entries.Select(e => (e.Month, e.Amount)));
    }

    [Fact]
    public void A_2025_26_year_end_adjustment_received_after_August_2026_keeps_the_top_up_of_its_payroll_month()
    {
        // DAS ProcessDeclarationsTransactions: an end-of-year adjustment's top-up comes from the
        // GetLevyDeclaration view, dated before month 12's cut-off (20 April 2026), not the day received.
        var entries = FundsIn(
            Declaration("25-26", 12, 12_000m, "2026-04-15"),
            Declaration("25-26", 12, 13_000m, "2026-09-10"));

        Assert.Equal([(M("2026-04"), 13_200m, false), (M("2026-09"), 1_100m, true)],
            entries.Select(e => (e.Month, e.Amount, e.IsYearEndAdjustment)));
    }

    [Fact]
    public void The_latest_submission_before_the_cut_off_counts_and_one_on_the_cut_off_day_is_too_late()
    {
        var entry = Assert.Single(FundsIn(
            Declaration("26-27", 1, 900m, "2026-05-10"),
            Declaration("26-27", 1, 1_000m, "2026-05-18"),
            Declaration("26-27", 1, 5_000m, "2026-05-20T09:00:00")));

        Assert.Equal(1_100m, entry.Amount);
    }

    [Fact]
    public void A_late_month_is_skipped_and_the_next_months_cumulative_figure_absorbs_it()
    {
        var entries = FundsIn(
            Declaration("26-27", 1, 1_000m, "2026-05-15"),
            Declaration("26-27", 2, 2_000m, "2026-06-25"),   // after the 20 June cut-off
            Declaration("26-27", 3, 3_000m, "2026-07-10"));

        Assert.Equal([(M("2026-05"), 1_100m), (M("2026-07"), 2_200m)], entries.Select(e => (e.Month, e.Amount)));
    }

    [Fact]
    public void A_year_end_adjustment_applies_the_change_in_the_month_received_even_when_negative()
    {
        var entries = FundsIn(
            Declaration("25-26", 11, 11_000m, "2026-03-15"),
            Declaration("25-26", 12, 12_000m, "2026-04-15"),
            Declaration("25-26", 12, 11_500m, "2026-06-10"));   // more than 21 days into April: year-end adjustment

        Assert.Equal(
            [(M("2026-03"), 12_100m, false), (M("2026-04"), 1_100m, false), (M("2026-06"), -550m, true)],
            entries.Select(e => (e.Month, e.Amount, e.IsYearEndAdjustment)));
    }

    [Fact]
    public void The_english_fraction_is_the_latest_dated_before_the_cut_off()
    {
        EnglishFraction[] fractions = [new(D("2026-01-01"), 0.8m), new(D("2026-05-20"), 0.5m)];

        var entry = Assert.Single(LevyFundsIn.Calculate([Declaration("26-27", 1, 1_000m, "2026-05-15")], fractions, Policy));

        Assert.Equal(0.8m, entry.EnglishFraction);
        Assert.Equal(880m, entry.Amount);   // £1,000 x 0.8 x 1.1
    }

    [Fact]
    public void Schemes_are_declared_separately_and_add_up()
    {
        var entries = FundsIn(
            Declaration("26-27", 1, 1_000m, "2026-05-15", scheme: "123/A"),
            Declaration("26-27", 1, 500m, "2026-05-15", scheme: "456/B"));

        Assert.Equal(1_650m, entries.Where(e => e.Month == M("2026-05")).Sum(e => e.Amount));
    }
}

/// <summary>Which declarations counted, which were late, and what each brought in.</summary>
public class DeclarationOutcomeTests
{
    [Fact]
    public void The_latest_on_time_submission_counts_a_late_one_does_not_and_each_shows_its_rates()
    {
        var declarations = new[]
        {
            Declaration("26-27", 1, 1_000m, "2026-05-10"),
            Declaration("26-27", 1, 1_200m, "2026-05-19"),
            Declaration("26-27", 1, 1_500m, "2026-05-21"),   // after the 20 May cut-off
        };

        var outcomes = DeclarationOutcome.For(declarations,
            [new EnglishFraction(D("2026-03-01"), 0.9m)], FundingPolicy.England);

        Assert.Equal([(true, false), (true, true), (false, false)], outcomes.Select(o => (o.OnTime, o.Counted)));
        var funds = outcomes[1].FundsIn!;
        // £1,200 x 0.9 English x 1.1 top-up = £1,188, entering in May 2026.
        Assert.Equal((0.9m, 0.10m, 1_188m, M("2026-05")), (funds.EnglishFraction, funds.TopUp, funds.Amount, funds.Month));
        Assert.Null(outcomes[0].FundsIn);
        Assert.Null(outcomes[2].FundsIn);
    }
}
