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
