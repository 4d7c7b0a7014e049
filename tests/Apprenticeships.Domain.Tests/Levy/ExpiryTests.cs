using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

public class ExpiryTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    private static IReadOnlyList<LedgerMonth> Run(string from, string to, MonthAmount[] fundsIn, PaymentDue[]? payments = null) =>
        LevyLedger.Run(new LedgerInput(fundsIn, [], payments ?? [], []), M(from), M(to), Policy);

    [Fact]
    public void Funds_entering_May_2018_expire_May_2020()
    {
        // April 2018 payroll, declared by 20 May 2018, enters the account on 23 May 2018.
        var records = Records(Council, [Declaration("18-19", 1, 1_000m, "2018-05-15")]);

        var account = LevyAccount.AsOf(records, M("2020-05"), Policy);

        Assert.Equal(M("2018-05"), account.Months[0].Month);
        Assert.Equal(1_100m, account.Months.Single(m => m.Month == M("2020-04")).Balance);
        var may2020 = account.Months.Single(m => m.Month == M("2020-05"));
        Assert.Equal(1_100m, may2020.Expired);
        Assert.Equal(0m, may2020.Balance);
        Assert.Equal(1_100m, account.TotalExpired);
    }

    [Fact]
    public void Spending_in_the_expiry_month_reduces_what_expires()
    {
        // DfE help "Expired funds": expired = funds that entered 24 or more months ago - payments
        // to date - funds already expired; DAS ExpiredFunds.CalculateExpiryAmount counts funds out
        // of the expiry month itself. May 2020: £1,000 - £300 - £0 = £700 (not the whole £1,000,
        // as when expiry ran before the month's payments). June 2020: £2,000 - £800 - £700 = £500.
        var months = Run("2018-05", "2020-06",
            [new(M("2018-05"), 1_000m), new(M("2018-06"), 1_000m)],
            [new PaymentDue(M("2020-05"), 300m, 0.05m), new PaymentDue(M("2020-06"), 500m, 0.05m)]);

        var may2020 = months.Single(m => m.Month == M("2020-05"));
        var june2020 = months.Single(m => m.Month == M("2020-06"));
        Assert.Equal((300m, 700m, 1_000m), (may2020.LevyPayments, may2020.Expired, may2020.Balance));
        Assert.Equal((500m, 500m, 0m), (june2020.LevyPayments, june2020.Expired, june2020.Balance));
        Assert.Equal(0m, june2020.EmployerCoInvestment + june2020.GovernmentCoInvestment);
    }

    [Fact]
    public void Spending_at_least_the_expiring_funds_in_the_expiry_month_means_nothing_expires()
    {
        // ACCA "Apprenticeship landscape in England" (2022), restating the DfE rule: if in the latest
        // month the employer spends the same or more than the funds that entered 24 months earlier,
        // no funds expire.
        var months = Run("2018-05", "2020-05", [new(M("2018-05"), 1_100m)], [new PaymentDue(M("2020-05"), 1_100m, 0.05m)]);

        var may2020 = months[^1];
        Assert.Equal((1_100m, 0m, 0m), (may2020.LevyPayments, may2020.Expired, may2020.Balance));
    }

    [Fact]
    public void Transfers_out_in_the_expiry_month_also_count_as_spending()
    {
        // DAS GetPaymentFundsOut sums every transaction line of a period end, transfers included.
        var months = LevyLedger.Run(
            new LedgerInput([new(M("2018-05"), 1_000m)], [], [], [new(M("2020-05"), 400m)]), M("2018-05"), M("2020-05"), Policy);

        Assert.Equal((400m, 600m, 0m), (months[^1].TransfersOut, months[^1].Expired, months[^1].Balance));
    }

    [Fact]
    public void Funds_entering_from_August_2026_expire_after_12_months_and_earlier_funds_after_24()
    {
        // Written answer to Parliament, 11 Feb 2026: expiry changes to 12 months from August 2026,
        // for new funds only. DAS GetExpiredFundsExtensionTests.PolicyChangeDate_WhenOffByOneMonthLate:
        // the change date is 2026-08-01 and July 2026's funds stay under 24 months.
        var months = Run("2026-07", "2028-07", [new(M("2026-07"), 100m), new(M("2026-08"), 200m)]);

        var august2027 = months.Single(m => m.Month == M("2027-08"));
        var july2028 = months.Single(m => m.Month == M("2028-07"));
        Assert.Equal((200m, 200m, 0m), (august2027.Expired, august2027.ExpiredUnder12MonthRule, august2027.ExpiredUnder24MonthRule));
        Assert.Equal((100m, 0m, 100m), (july2028.Expired, july2028.ExpiredUnder12MonthRule, july2028.ExpiredUnder24MonthRule));
        Assert.Equal(0m, months.Single(m => m.Month == M("2027-07")).Expired);
        Assert.Equal(300m, months.Sum(m => m.Expired));
    }

    [Fact]
    public void September_2027_expires_funds_of_both_periods_reported_apart()
    {
        // DAS GetExpiredFundsExtensionTests.MonthByMonthRun_September2027_ShouldHaveBothLongTermAndShortTermExpiry:
        // September 2025's funds (24 months) and September 2026's (12 months) both expire in September 2027.
        var months = Run("2025-09", "2027-09", [new(M("2025-09"), 100m), new(M("2026-09"), 100m)]);

        var september2027 = months[^1];
        Assert.Equal((200m, 100m, 100m), (september2027.Expired, september2027.ExpiredUnder12MonthRule, september2027.ExpiredUnder24MonthRule));
    }

    [Fact]
    public void Payments_use_the_older_24_month_funds_before_the_newer_12_month_funds()
    {
        // Payments use the oldest funds first (DfE help "Expired funds"), even when newer funds expire
        // sooner; DAS ExpireFundsExtensions.GetExpiredFunds runs the 24-month expiry first, over all funds
        // out, and the 12-month one on what is left (test FundsOut_ConsumedByLongTermRunFirst).
        var months = Run("2026-07", "2028-07",
            [new(M("2026-07"), 1_000m), new(M("2026-08"), 1_000m)],
            [new PaymentDue(M("2026-09"), 1_000m, 0.25m)]);

        Assert.Equal(1_000m, months.Single(m => m.Month == M("2027-08")).ExpiredUnder12MonthRule);
        Assert.Equal(0m, months.Single(m => m.Month == M("2028-07")).Expired);
    }

    [Fact]
    public void Payments_take_the_oldest_funds_first_so_only_the_newer_remainder_expires()
    {
        var months = Run("2018-05", "2020-06",
            [new(M("2018-05"), 1_100m), new(M("2018-06"), 1_100m)],
            [new PaymentDue(M("2018-07"), 1_500m, 0.05m)]);

        Assert.Equal(0m, months.Single(m => m.Month == M("2020-05")).Expired);
        Assert.Equal(700m, months.Single(m => m.Month == M("2020-06")).Expired);
    }

    [Fact]
    public void A_refund_is_netted_against_the_latest_earlier_funds_before_expiry()
    {
        var months = Run("2018-01", "2020-02",
            [new(M("2018-01"), 1_000m), new(M("2018-02"), 1_000m), new(M("2018-03"), -600m)]);

        Assert.Equal(1_400m, months.Single(m => m.Month == M("2018-03")).Balance);
        Assert.Equal(1_000m, months.Single(m => m.Month == M("2020-01")).Expired);
        Assert.Equal(400m, months.Single(m => m.Month == M("2020-02")).Expired);
    }

    [Fact]
    public void A_shortfall_is_co_invested_by_the_share_given()
    {
        var months = Run("2026-05", "2026-06",
            [new(M("2026-05"), 600m)],
            [new PaymentDue(M("2026-06"), 1_000m, 0.25m)]);

        var june = months[1];
        Assert.Equal((1_000m, 600m, 100m, 300m, 0m),
            (june.PaymentsDue, june.LevyPayments, june.EmployerCoInvestment, june.GovernmentCoInvestment, june.Balance));
    }
}
