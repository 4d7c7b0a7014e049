using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Apprenticeships.Domain.Levy;

/// <summary>
/// An HMRC payroll (tax) year and month as declarations carry them: year "26-27", month 1..12.
/// Tax month 1 is April; the April start of the tax year is fixed in law, not a rate, so it is
/// structure here rather than a policy parameter.
/// </summary>
public readonly record struct PayrollPeriod(int TaxYearStart, int Month)
{
    private const int FirstCalendarMonthOfTaxYear = 4;
    private const int FirstDayOfTaxYearInApril = 6;

    /// <summary>The calendar month the payroll month falls in (month 1 of "26-27" is 2026-04).</summary>
    public YearMonth CalendarMonth => new YearMonth(TaxYearStart, FirstCalendarMonthOfTaxYear).AddMonths(Month - 1);

    public string PayrollYear => FormatYear(TaxYearStart);

    public static string FormatYear(int taxYearStart) => $"{taxYearStart % 100:D2}-{(taxYearStart + 1) % 100:D2}";

    /// <summary>The tax year a calendar date falls in, by calendar month (April starts the year).</summary>
    public static int TaxYearOf(YearMonth month) => month.Month >= FirstCalendarMonthOfTaxYear ? month.Year : month.Year - 1;

    /// <summary>The payroll month a calendar month is (2026-04 is month 1 of "26-27").</summary>
    public static PayrollPeriod Of(YearMonth month) => new(TaxYearOf(month), FirstMonthOfTaxYear(TaxYearOf(month)).MonthsUntil(month) + 1);

    public static YearMonth FirstMonthOfTaxYear(int taxYearStart) => new(taxYearStart, FirstCalendarMonthOfTaxYear);

    /// <summary>6 April: the date rates for a whole tax year are looked up on.</summary>
    public static DateOnly FirstDayOfTaxYear(int taxYearStart) => FirstMonthOfTaxYear(taxYearStart).Day(FirstDayOfTaxYearInApril);

    /// <summary>Parses "26-27" (two-digit years, consecutive) to the starting calendar year 2026.</summary>
    public static bool TryParseYear([NotNullWhen(true)] string? text, out int taxYearStart)
    {
        taxYearStart = 0;
        if (text is not { Length: 5 } || text[2] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ||
            !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var second) ||
            (first + 1) % 100 != second)
        {
            return false;
        }
        taxYearStart = 2000 + first;
        return true;
    }

    public override string ToString() => $"{PayrollYear} month {Month}";
}
