using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Liability;

/// <summary>
/// The one annual allowance a (connected) employer shares between its PAYE schemes, fixed
/// at the start of the tax year.
/// </summary>
public static class LevyAllowance
{
    /// <summary>Equal shares; any odd pence go to the first scheme so the shares add up to the allowance.</summary>
    public static IReadOnlyList<decimal> SplitEqually(int taxYearStart, int schemes, FundingPolicy policy)
    {
        if (schemes < 1) throw new ArgumentOutOfRangeException(nameof(schemes), "At least one PAYE scheme is needed.");
        var allowance = policy.AnnualAllowance.At(PayrollPeriod.FirstDayOfTaxYear(taxYearStart));
        var share = Money.DownToPence(allowance / schemes);
        var shares = Enumerable.Repeat(share, schemes).ToArray();
        shares[0] += allowance - share * schemes;
        return shares;
    }

    /// <summary>Checks an employer's own split: shares may not add up to more than the allowance.</summary>
    public static void EnsureWithinAllowance(int taxYearStart, IEnumerable<decimal> shares, FundingPolicy policy)
    {
        var allowance = policy.AnnualAllowance.At(PayrollPeriod.FirstDayOfTaxYear(taxYearStart));
        var list = shares.ToList();
        if (list.Any(s => s < 0)) throw new ArgumentException("An allowance share cannot be negative.", nameof(shares));
        if (list.Sum() > allowance)
            throw new ArgumentException($"Allowance shares add up to {list.Sum():0.00}, more than the £{allowance:0.00} allowance.", nameof(shares));
    }
}
