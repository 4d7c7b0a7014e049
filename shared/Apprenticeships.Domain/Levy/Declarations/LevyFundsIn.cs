using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Declarations;

/// <summary>
/// Turns declarations into funds in, the way DAS does:
/// - for each scheme, tax year and payroll month, the latest submission made before the
///   cut-off (the cut-off day of the next calendar month, submissions on that day being too
///   late) counts; a later one is ignored for that month, and because LevyDueYTD is
///   cumulative the next month's declaration absorbs the change;
/// - the month's levy is the counted LevyDueYTD minus the previous counted month's;
/// - funds in = levy x English fraction x (1 + top-up), fraction and top-up being those
///   dated before the cut-off, entering the account in the cut-off's month (on the 23rd);
/// - month-12 submissions arriving more than the year-end days after month 12's submission
///   month begins are year-end adjustments: the change in the year's LevyDueYTD enters in
///   the month received, with the rates of month 12 itself (dated before its cut-off, not
///   before the day received) [DAS ProcessDeclarationsTransactions takes an adjustment's
///   English fraction and top-up from the GetLevyDeclaration view, dated before
///   CalculateSubmissionCutoffDate of the payroll month], so a 2025-26 adjustment received
///   after August 2026 keeps the 10% top-up.
/// With no English fraction on record the whole levy is taken as English (fraction 1).
/// </summary>
public static class LevyFundsIn
{
    private const int PayrollMonthsInYear = 12;

    public static IReadOnlyList<FundsInEntry> Calculate(
        IEnumerable<LevyDeclaration> declarations,
        IReadOnlyList<EnglishFraction> fractions,
        FundingPolicy policy)
    {
        var orderedFractions = fractions.OrderBy(f => f.DateCalculated).ToArray();
        var entries = new List<FundsInEntry>();
        foreach (var yearOfScheme in declarations.GroupBy(d => (d.PayeScheme, d.Period.TaxYearStart)))
        {
            AddYear(yearOfScheme.Key.PayeScheme, yearOfScheme.Key.TaxYearStart, yearOfScheme.ToList(), orderedFractions, policy, entries);
        }
        entries.Sort((a, b) => a.Month.CompareTo(b.Month));
        return entries;
    }

    /// <summary>The date from which a declaration for the period is too late to count.</summary>
    public static DateOnly CutOff(PayrollPeriod period, FundingPolicy policy)
    {
        var cutOffMonth = period.CalendarMonth.AddMonths(1);
        return cutOffMonth.Day(policy.DeclarationCutOffDay.At(cutOffMonth.FirstDay));
    }

    /// <summary>Whether a declaration is a month-12 submission late enough to be a year-end adjustment.</summary>
    public static bool IsYearEndAdjustment(LevyDeclaration declaration, FundingPolicy policy)
    {
        if (declaration.Period.Month != PayrollMonthsInYear) return false;
        var submissionMonth = declaration.Period.CalendarMonth.AddMonths(1);
        var adjustmentsFrom = submissionMonth.FirstDay.AddDays(policy.YearEndAdjustmentAfterDays.At(submissionMonth.FirstDay));
        return declaration.SubmittedAt > adjustmentsFrom.ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>The submission that counts for its scheme and payroll month: the latest before the cut-off, or null when all were late.</summary>
    public static LevyDeclaration? Counted(IEnumerable<LevyDeclaration> sameSchemeAndPeriod, PayrollPeriod period, FundingPolicy policy)
    {
        var cutOff = CutOff(period, policy).ToDateTime(TimeOnly.MinValue);
        return sameSchemeAndPeriod.Where(d => d.SubmittedAt < cutOff).MaxBy(d => d.SubmittedAt);
    }

    /// <summary>The latest English fraction calculated before <paramref name="date"/>; 1 when none is on record.</summary>
    public static decimal FractionBefore(IReadOnlyList<EnglishFraction> ordered, DateOnly date)
    {
        var fraction = 1m;
        foreach (var f in ordered)
        {
            if (f.DateCalculated >= date) break;
            fraction = f.Fraction;
        }
        return fraction;
    }

    public static FundsInEntry Entry(YearMonth month, string scheme, PayrollPeriod period, decimal levy, DateOnly ratesBefore,
        IReadOnlyList<EnglishFraction> orderedFractions, FundingPolicy policy, bool yearEnd)
    {
        var fraction = FractionBefore(orderedFractions, ratesBefore);
        var topUp = policy.TopUp.Before(ratesBefore);
        return new FundsInEntry(month, scheme, period, levy, fraction, topUp, Money.ToPence(levy * fraction * (1 + topUp)), yearEnd);
    }

    private static void AddYear(string scheme, int taxYearStart, List<LevyDeclaration> year,
        EnglishFraction[] fractions, FundingPolicy policy, List<FundsInEntry> entries)
    {
        decimal previousYtd = 0;
        for (var month = 1; month <= PayrollMonthsInYear; month++)
        {
            var period = new PayrollPeriod(taxYearStart, month);
            var counted = Counted(year.Where(d => d.Period.Month == month), period, policy);
            if (counted is null) continue;
            var levy = counted.LevyDueYtd - previousYtd;
            previousYtd = counted.LevyDueYtd;
            if (levy != 0)
            {
                entries.Add(Entry(period.CalendarMonth.AddMonths(1), scheme, period, levy, CutOff(period, policy), fractions, policy, false) with { SubmittedAt = counted.SubmittedAt });
            }
        }

        var lastPeriod = new PayrollPeriod(taxYearStart, PayrollMonthsInYear);
        foreach (var adjustment in year.Where(d => IsYearEndAdjustment(d, policy)).OrderBy(d => d.SubmittedAt))
        {
            var change = adjustment.LevyDueYtd - previousYtd;
            previousYtd = adjustment.LevyDueYtd;
            if (change == 0) continue;
            var received = DateOnly.FromDateTime(adjustment.SubmittedAt);
            entries.Add(Entry(YearMonth.Of(received), scheme, lastPeriod, change, CutOff(lastPeriod, policy), fractions, policy, true) with { SubmittedAt = adjustment.SubmittedAt });
        }
    }
}
