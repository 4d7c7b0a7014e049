using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Forecast;

/// <summary>
/// Future levy as the DAS forecasting tool assumes it: each PAYE scheme keeps declaring the
/// same monthly levy as its last declared month, under the latest English fraction, with the
/// top-up in force at each future cut-off (so a dated top-up change shows in the forecast).
/// </summary>
public static class ProjectedFundsIn
{
    public static List<FundsInEntry> Add(IReadOnlyList<FundsInEntry> actual, IReadOnlyList<EnglishFraction> fractions,
        YearMonth until, FundingPolicy policy)
    {
        var result = new List<FundsInEntry>(actual);
        // The latest fraction on record, however recent: the forecast assumes nothing changes.
        var fraction = fractions.Count == 0 ? 1m : fractions.MaxBy(f => f.DateCalculated)!.Fraction;
        foreach (var scheme in actual.Where(f => !f.IsYearEndAdjustment).GroupBy(f => f.PayeScheme))
        {
            var last = scheme.MaxBy(f => f.Period.CalendarMonth)!;
            var period = last.Period;
            while (true)
            {
                period = Next(period);
                var enters = period.CalendarMonth.AddMonths(1);
                if (enters > until) break;
                var cutOff = LevyFundsIn.CutOff(period, policy);
                var topUp = policy.TopUp.Before(cutOff);
                result.Add(new FundsInEntry(enters, scheme.Key, period, last.Levy, fraction, topUp,
                    Money.ToPence(last.Levy * fraction * (1 + topUp)), false));
            }
        }
        return result;
    }

    private static PayrollPeriod Next(PayrollPeriod p) =>
        p.Month == 12 ? new PayrollPeriod(p.TaxYearStart + 1, 1) : p with { Month = p.Month + 1 };
}
