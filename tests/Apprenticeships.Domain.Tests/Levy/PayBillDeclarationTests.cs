using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

/// <summary>Declarations from monthly pay bills give the LevyDueYTD of HMRC's worked examples.</summary>
public class PayBillDeclarationTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    /// <summary>Declares each pay bill in turn, as an employer would month by month, and returns each month's LevyDueYTD.</summary>
    private static List<decimal> DeclareMonthByMonth(IReadOnlyList<decimal> payBills)
    {
        var declared = new List<LevyDeclaration>();
        for (var i = 0; i < payBills.Count; i++)
        {
            var period = PeriodOf("26-27", i + 1);
            var submitted = period.CalendarMonth.AddMonths(1).Day(15).ToDateTime(TimeOnly.MinValue);
            var outcome = PayBillDeclaration.LevyDueYtd("123/AB456", period, payBills[i], submitted, declared, Policy);
            Assert.Empty(outcome.MonthsWithoutPayBill);
            declared.Add(new LevyDeclaration("123/AB456", period, outcome.LevyDueYtd!.Value, submitted, payBills[i]));
        }
        return declared.Select(d => d.LevyDueYtd).ToList();
    }

    [Fact]
    public void ALM09200_example_1_a_300000_monthly_pay_bill_declares_250_more_levy_each_month()
    {
        // HMRC ALM09200 example 1: £300,000 a month; £1,500 levy less £1,250 allowance = £250 in month 1,
        // £500 to date in month 2, £3,000 to date in month 12.
        var ytd = DeclareMonthByMonth(Enumerable.Repeat(300_000m, 12).ToList());

        Assert.Equal(Enumerable.Range(1, 12).Select(m => 250m * m), ytd);
    }

    [Fact]
    public void ALM08300_seasonal_pay_bills_declare_the_published_levy_due_year_to_date()
    {
        // HMRC ALM08300 "unused levy allowance": £3m a year peaking in months 3 and 4; unused allowance
        // carries forward month to month, so the year ends with nothing due.
        decimal[] payBills = [200_000m, 200_000m, 500_000m, 500_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m];
        decimal[] published = [0m, 0m, 750m, 2_000m, 1_750m, 1_500m, 1_250m, 1_000m, 750m, 500m, 250m, 0m];

        Assert.Equal(published, DeclareMonthByMonth(payBills));
    }

    [Fact]
    public void A_month_cannot_be_worked_out_until_the_earlier_months_pay_bills_are_known()
    {
        var period = PeriodOf("26-27", 3);
        var declared = new[] { new LevyDeclaration("123/AB456", PeriodOf("26-27", 2), 0m, At("2026-06-10"), 200_000m) };

        var outcome = PayBillDeclaration.LevyDueYtd("123/AB456", period, 500_000m, At("2026-07-10"), declared, Policy);

        Assert.Null(outcome.LevyDueYtd);
        Assert.Equal([1], outcome.MonthsWithoutPayBill);
    }

    [Fact]
    public void A_resubmitted_earlier_month_counts_with_its_latest_pay_bill()
    {
        // Month 1 first declared at £400,000, then corrected to £200,000 (under the £1,250 allowance).
        var declared = new[]
        {
            new LevyDeclaration("123/AB456", PeriodOf("26-27", 1), 750m, At("2026-05-10"), 400_000m),
            new LevyDeclaration("123/AB456", PeriodOf("26-27", 1), 0m, At("2026-05-18"), 200_000m),
        };

        var outcome = PayBillDeclaration.LevyDueYtd("123/AB456", PeriodOf("26-27", 2), 200_000m, At("2026-06-10"), declared, Policy);

        // £400,000 x 0.5% = £2,000 less £2,500 allowance to date: nothing due.
        Assert.Equal(0m, outcome.LevyDueYtd);
    }
}
