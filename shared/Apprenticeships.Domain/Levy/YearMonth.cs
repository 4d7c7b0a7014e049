using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Apprenticeships.Domain.Levy;

/// <summary>
/// A calendar month, written "YYYY-MM". Levy accounts move month by month (funds in on the
/// 23rd, payments the month after earning, expiry N months later), so a month, not a date,
/// is the unit of the ledger. Stored as one integer so comparisons and arithmetic are cheap.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    private readonly int _index; // months since year 0, January = 0

    private YearMonth(int index) => _index = index;

    public YearMonth(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), "Month must be 1 to 12.");
        _index = year * 12 + month - 1;
    }

    public int Year => _index / 12;
    public int Month => _index % 12 + 1;

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);
    public static YearMonth Of(DateTime date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months) => new(_index + months);

    /// <summary>Whole months from this month to <paramref name="later"/> (negative if earlier).</summary>
    public int MonthsUntil(YearMonth later) => later._index - _index;

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The given day of this month, clamped to the month's length.</summary>
    public DateOnly Day(int day) => new(Year, Month, Math.Min(day, DateTime.DaysInMonth(Year, Month)));

    public int CompareTo(YearMonth other) => _index.CompareTo(other._index);
    public static bool operator <(YearMonth a, YearMonth b) => a._index < b._index;
    public static bool operator >(YearMonth a, YearMonth b) => a._index > b._index;
    public static bool operator <=(YearMonth a, YearMonth b) => a._index <= b._index;
    public static bool operator >=(YearMonth a, YearMonth b) => a._index >= b._index;
    public static YearMonth Max(YearMonth a, YearMonth b) => a > b ? a : b;
    public static YearMonth Min(YearMonth a, YearMonth b) => a < b ? a : b;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static bool TryParse([NotNullWhen(true)] string? text, out YearMonth value)
    {
        value = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            year < 1 || month is < 1 or > 12)
        {
            return false;
        }
        value = new YearMonth(year, month);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a month in the form YYYY-MM.");
}
