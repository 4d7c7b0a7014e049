using Apprenticeships.Domain.Levy.Liability;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Declarations;

/// <summary>
/// A declaration made from the month's pay bill rather than HMRC's LevyDueYTD: the levy due to
/// date is worked out HMRC's way (ALM09200; allowance spread monthly and carried forward within
/// the year, ALM08300) from this pay bill and the pay bills already declared for the earlier months
/// of the same tax year and PAYE scheme. The scheme is assumed to have the employer's whole
/// allowance: connected companies sharing one allowance declare LevyDueYTD instead.
/// </summary>
public static class PayBillDeclaration
{
    /// <summary>LevyDueYTD, or null with the earlier payroll months whose pay bill is not known.</summary>
    public sealed record Outcome(decimal? LevyDueYtd, IReadOnlyList<int> MonthsWithoutPayBill);

    public static Outcome LevyDueYtd(string payeScheme, PayrollPeriod period, decimal payBill, DateTime submittedAt,
        IEnumerable<LevyDeclaration> declared, FundingPolicy policy)
    {
        // For each earlier month, the pay bill of the latest submission made before this one: an
        // employer correcting a month resubmits it, and the correction is what HMRC's sum uses.
        var latest = declared
            .Where(d => d.PayeScheme == payeScheme && d.Period.TaxYearStart == period.TaxYearStart && d.Period.Month < period.Month
                        && d.PayBill is not null && d.SubmittedAt <= submittedAt)
            .GroupBy(d => d.Period.Month)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.SubmittedAt)!.PayBill!.Value);
        var missing = Enumerable.Range(1, period.Month - 1).Where(m => !latest.ContainsKey(m)).ToList();
        if (missing.Count > 0) return new Outcome(null, missing);

        var payBills = Enumerable.Range(1, period.Month - 1).Select(m => latest[m]).Append(payBill).ToList();
        return new Outcome(LevyLiability.Calculate(period.TaxYearStart, payBills, policy)[^1].LevyDueYtd, []);
    }
}
