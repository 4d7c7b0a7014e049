using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Liability;

/// <summary>
/// HMRC's manual levy calculation (ALM09200): levy to date = max(0, pay bill to date x rate
/// - allowance to date), allowance accruing at one twelfth of the scheme's annual share per
/// tax month, so unused allowance carries forward within the year (ALM08300) and is lost at
/// its end, because each year starts from zero. The month's levy is the change in levy to
/// date (what the employer reports as LevyDueYTD) and can be negative when the pay bill
/// falls. See docs/levy-rules.md.
/// </summary>
public static class LevyLiability
{
    private const int TaxMonthsInYear = 12;

    /// <summary>An employer with no connected companies: one scheme using the whole annual allowance.</summary>
    public static IReadOnlyList<LevyLiabilityMonth> Calculate(int taxYearStart, IReadOnlyList<decimal> monthlyPayBills, FundingPolicy policy) =>
        Calculate(taxYearStart, monthlyPayBills, policy.AnnualAllowance.At(PayrollPeriod.FirstDayOfTaxYear(taxYearStart)), policy);

    public static IReadOnlyList<LevyLiabilityMonth> Calculate(
        int taxYearStart,
        IReadOnlyList<decimal> monthlyPayBills,
        decimal annualAllowanceShare,
        FundingPolicy policy)
    {
        if (monthlyPayBills.Count > TaxMonthsInYear)
            throw new ArgumentException("A tax year has 12 months.", nameof(monthlyPayBills));
        // A connected employer's share is its part of one allowance (ALM08200), never more.
        LevyAllowance.EnsureWithinAllowance(taxYearStart, [annualAllowanceShare], policy);

        var yearStart = PayrollPeriod.FirstDayOfTaxYear(taxYearStart);
        var rate = policy.LevyRate.At(yearStart);
        var result = new List<LevyLiabilityMonth>(monthlyPayBills.Count);
        decimal payBillToDate = 0, previousDue = 0;
        for (var i = 0; i < monthlyPayBills.Count; i++)
        {
            var taxMonth = i + 1;
            payBillToDate += monthlyPayBills[i];
            var allowanceToDate = Money.ToPence(annualAllowanceShare * taxMonth / TaxMonthsInYear);
            var due = Math.Max(0m, Money.ToPence(payBillToDate * rate) - allowanceToDate);
            result.Add(new LevyLiabilityMonth(taxMonth, payBillToDate, allowanceToDate, due, due - previousDue));
            previousDue = due;
        }
        return result;
    }
}
