using Apprenticeships.Domain.Levy.Liability;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Tests.Levy;

/// <summary>HMRC ALM09200, "how to calculate an employer's Apprenticeship Levy liability manually".</summary>
public class LevyLiabilityTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    [Fact]
    public void Example_1_single_employer_with_a_regular_300000_pay_bill_pays_250_a_month()
    {
        var months = LevyLiability.Calculate(2026, Enumerable.Repeat(300_000m, 12).ToList(), 15_000m, Policy);

        // Month 1: £1,500 levy - £1,250 allowance = £250.
        Assert.Equal(1_250m, months[0].AllowanceToDate);
        Assert.Equal(250m, months[0].LevyDueYtd);
        // Month 2: £600,000 x 0.5% = £3,000 - £2,500 = £500 to date; £250 paid in month 2.
        Assert.Equal(600_000m, months[1].PayBillToDate);
        Assert.Equal(500m, months[1].LevyDueYtd);
        Assert.Equal(250m, months[1].LevyForMonth);
        // Month 12: £18,000 - £15,000 = £3,000 to date; £3,000 - £2,750 = £250 in month 12.
        Assert.Equal(3_000m, months[11].LevyDueYtd);
        Assert.Equal(250m, months[11].LevyForMonth);
        Assert.All(months, m => Assert.Equal(250m, m.LevyForMonth));
    }

    [Fact]
    public void Example_2_five_paye_schemes_sharing_the_allowance_equally_each_pay_750_a_month()
    {
        var shares = LevyAllowance.SplitEqually(2026, 5, Policy);
        Assert.Equal([3_000m, 3_000m, 3_000m, 3_000m, 3_000m], shares);

        var schemes = shares.Select(share => LevyLiability.Calculate(2026, Enumerable.Repeat(200_000m, 12).ToList(), share, Policy)).ToList();

        foreach (var months in schemes)
        {
            // Month 1: £200,000 x 0.5% = £1,000 - £250 (one twelfth of £3,000) = £750.
            Assert.Equal(250m, months[0].AllowanceToDate);
            Assert.Equal(750m, months[0].LevyForMonth);
            // Month 2: £400,000 x 0.5% = £2,000 - £500 = £1,500 to date, £750 in month 2.
            Assert.Equal(1_500m, months[1].LevyDueYtd);
            Assert.Equal(750m, months[1].LevyForMonth);
            // Year: £2.4m x 0.5% = £12,000 - £3,000 = £9,000 per scheme.
            Assert.Equal(9_000m, months[11].LevyDueYtd);
        }
        // £12m x 0.5% - £15,000 = £45,000 for the employer, same as one scheme with the whole allowance.
        Assert.Equal(45_000m, schemes.Sum(s => s[11].LevyDueYtd));
    }

    [Fact]
    public void Unused_allowance_carries_forward_within_the_year_and_a_month_can_be_negative()
    {
        // Month 1 under the allowance (£1,000 levy vs £1,250), month 2 over, month 3 a refund.
        var months = LevyLiability.Calculate(2026, [200_000m, 400_000m, 0m], 15_000m, Policy);

        Assert.Equal(0m, months[0].LevyDueYtd);
        // £600,000 x 0.5% = £3,000 - £2,500: month 1's unused £250 allowance was used in month 2.
        Assert.Equal(500m, months[1].LevyDueYtd);
        // £3,000 - £3,750 is below zero, so nothing is due to date and month 3 gives back £500.
        Assert.Equal(0m, months[2].LevyDueYtd);
        Assert.Equal(-500m, months[2].LevyForMonth);
    }

    [Fact]
    public void ALM08300_seasonal_pay_bill_carries_unused_allowance_forward_month_to_month()
    {
        // HMRC ALM08300 "Apprenticeship Levy Allowance: unused levy allowance": £3m a year peaking in
        // months 3 and 4. The published table, column by column.
        decimal[] payBills = [200_000m, 200_000m, 500_000m, 500_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m, 200_000m];
        decimal[] payBillYtd = [200_000m, 400_000m, 900_000m, 1_400_000m, 1_600_000m, 1_800_000m, 2_000_000m, 2_200_000m, 2_400_000m, 2_600_000m, 2_800_000m, 3_000_000m];
        decimal[] allowanceYtd = [1_250m, 2_500m, 3_750m, 5_000m, 6_250m, 7_500m, 8_750m, 10_000m, 11_250m, 12_500m, 13_750m, 15_000m];
        decimal[] levyYtd = [0m, 0m, 750m, 2_000m, 1_750m, 1_500m, 1_250m, 1_000m, 750m, 500m, 250m, 0m];
        decimal[] levyPaid = [0m, 0m, 750m, 1_250m, -250m, -250m, -250m, -250m, -250m, -250m, -250m, -250m];

        var months = LevyLiability.Calculate(2026, payBills, Policy);

        Assert.Equal(Enumerable.Range(1, 12), months.Select(m => m.TaxMonth));
        Assert.Equal(payBillYtd, months.Select(m => m.PayBillToDate));
        Assert.Equal(allowanceYtd, months.Select(m => m.AllowanceToDate));
        Assert.Equal(levyYtd, months.Select(m => m.LevyDueYtd));
        Assert.Equal(levyPaid, months.Select(m => m.LevyForMonth));
        Assert.Equal(0m, months.Sum(m => m.LevyForMonth));   // "Total ... £0"
    }

    [Fact]
    public void Unused_allowance_is_not_carried_into_the_next_tax_year()
    {
        // ALM08300: unused allowance in one tax year cannot be carried over into the next. 2025-26's
        // £1.2m pay bill is £6,000 levy against £15,000 allowance, leaving £9,000 unused; had it carried
        // over, 2026-27's first month (£1,500 levy) would owe nothing instead of £250.
        var quietYear = LevyLiability.Calculate(2025, Enumerable.Repeat(100_000m, 12).ToList(), Policy);
        var busyYear = LevyLiability.Calculate(2026, [300_000m], Policy);

        Assert.Equal((1_200_000m, 15_000m, 0m), (quietYear[^1].PayBillToDate, quietYear[^1].AllowanceToDate, quietYear[^1].LevyDueYtd));
        Assert.Equal((1_250m, 250m), (busyYear[0].AllowanceToDate, busyYear[0].LevyDueYtd));
    }

    [Fact]
    public void A_connected_companys_share_spreads_through_the_year_like_the_whole_allowance()
    {
        // Not a published HMRC example: ALM08200's situation (connected companies sharing one allowance)
        // with ALM09200's method. A £5,000 share accrues £416.67 a month, to the penny by month 12;
        // £100,000 a month is £500 levy, so £83.33 is due to month 1 and £1,000 to month 12.
        var months = LevyLiability.Calculate(2026, Enumerable.Repeat(100_000m, 12).ToList(), 5_000m, Policy);

        Assert.Equal((416.67m, 83.33m), (months[0].AllowanceToDate, months[0].LevyDueYtd));
        Assert.Equal((2_500m, 500m), (months[5].AllowanceToDate, months[5].LevyDueYtd));
        Assert.Equal((5_000m, 1_000m), (months[11].AllowanceToDate, months[11].LevyDueYtd));
        Assert.Throws<ArgumentException>(() => LevyLiability.Calculate(2026, [100_000m], 15_000.01m, Policy));
    }

    [Fact]
    public void Allowance_shares_may_not_exceed_the_allowance()
    {
        var error = Assert.Throws<ArgumentException>(() => LevyAllowance.EnsureWithinAllowance(2026, [10_000m, 6_000m], Policy));
        Assert.Contains("16000.00", error.Message);
    }

    [Fact]
    public void An_odd_split_gives_the_odd_pence_to_the_first_scheme()
    {
        var shares = LevyAllowance.SplitEqually(2026, 7, Policy);
        Assert.Equal(15_000m, shares.Sum());
        Assert.Equal(2_142.85m, shares[1]);
        Assert.Equal(2_142.90m, shares[0]);
    }
}
