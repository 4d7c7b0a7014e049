using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

public class MonthsAndPeriodsTests
{
    [Theory]
    [InlineData("2026-05", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-5", false)]
    [InlineData("26-05", false)]
    [InlineData("2026/05", false)]
    public void Months_are_written_YYYY_MM(string text, bool valid)
    {
        Assert.Equal(valid, YearMonth.TryParse(text, out var month));
        if (valid) Assert.Equal(text, month.ToString());
    }

    [Fact]
    public void Tax_month_1_is_April_and_month_12_is_March_of_the_next_year()
    {
        Assert.Equal(M("2026-04"), PeriodOf("26-27", 1).CalendarMonth);
        Assert.Equal(M("2027-03"), PeriodOf("26-27", 12).CalendarMonth);
        Assert.Equal(M("2100-03"), PeriodOf("99-00", 12).CalendarMonth);
        Assert.False(PayrollPeriod.TryParseYear("26-28", out _));
        Assert.Equal(2025, PayrollPeriod.TaxYearOf(M("2026-03")));
    }

    [Fact]
    public void A_fall_in_levy_due_to_date_is_a_refund_netted_against_the_latest_funds()
    {
        // Months 1 and 2 bring £1,100 each; month 3's lower LevyDueYTD gives £550 back in July.
        var records = Records(Council, [
            Declaration("26-27", 1, 1_000m, "2026-05-15"),
            Declaration("26-27", 2, 2_000m, "2026-06-15"),
            Declaration("26-27", 3, 1_500m, "2026-07-15"),
        ]);

        // Funds entering before August 2026 expire after 24 months (written answer to Parliament,
        // 11 Feb 2026; DAS FundsExpiryPolicyChangeDate 2026-08-01), so May and June 2026's in 2028.
        var account = LevyAccount.AsOf(records, M("2028-06"), FundingPolicy.England);

        Assert.Equal(-550m, account.Months.Single(m => m.Month == M("2026-07")).FundsIn);
        Assert.Equal(1_100m, account.Months.Single(m => m.Month == M("2028-05")).Expired);   // May's funds untouched
        Assert.Equal(550m, account.Months.Single(m => m.Month == M("2028-06")).Expired);     // June's netted down
        Assert.Equal(0m, account.Balance);
    }

    [Fact]
    public void Asking_about_a_date_before_a_policy_existed_says_so()
    {
        var error = Assert.Throws<PolicyNotInForceException>(() => FundingPolicy.England.TopUp.At(D("2016-01-01")));
        Assert.Contains("levy top-up", error.Message);
    }
}
