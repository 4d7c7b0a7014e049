using System.Globalization;
using Apprenticeships.Domain.Levy;

namespace Apprenticeships.Application;

/// <summary>
/// Collects problems with a command by field name (the JSON and form field names), for an
/// <see cref="Problem.Invalid"/>. Parsing
/// helpers record their own error and return null, so a handler reads top to bottom.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new();

    public bool Any => _errors.Count > 0;
    public Dictionary<string, string[]> ToDictionary() => _errors;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public bool Has(string field) => _errors.ContainsKey(field);

    public Problem ToProblem() => Problem.Invalid(_errors);

    /// <summary>Ids appear in URLs and table keys: letters, digits, '-' and '_' only.</summary>
    public string? Id(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what} is required.");
        else if (!InputLimits.IsId(value)) Add(field, $"{what} must be 1 to {InputLimits.Id} letters, digits, '-' or '_'.");
        else return value;
        return null;
    }

    /// <summary>Required free text, trimmed: at most <paramref name="maxLength"/> characters and no control characters.</summary>
    public string? Text(string field, string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what} is required.");
        else return OptionalText(field, value, what, maxLength);
        return null;
    }

    /// <summary>Free text that may be left out (null when it is); when given, the same limits as <see cref="Text"/>.</summary>
    public string? OptionalText(string field, string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > maxLength) Add(field, $"{what} must be at most {maxLength} characters.");
        else if (InputLimits.BadCharacterAt(text) is not null) Add(field, $"{what} must not contain control characters such as tabs or line breaks.");
        else return text;
        return null;
    }

    /// <summary>A person's name: free text with at least one letter, so "---" or a lone control character is not a name.</summary>
    public string? Name(string field, string? value, string what)
    {
        var name = Text(field, value, what, InputLimits.PersonName);
        if (name is not null && !name.Any(char.IsLetter)) { Add(field, $"{what} must contain a letter."); return null; }
        return name;
    }

    /// <summary>An enum value that the type defines (a number cast to the enum is not one).</summary>
    public T? Defined<T>(string field, T? value, string what) where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) { Add(field, $"{what} must be one of: {string.Join(", ", Enum.GetNames<T>())}."); return null; }
        return value;
    }

    /// <summary>
    /// An amount in pounds and pence: not negative (nor zero unless <paramref name="zeroAllowed"/>), no
    /// fractions of a penny, at most <see cref="InputLimits.MostMoney"/>. Null when absent and not required.
    /// </summary>
    public decimal? Money(string field, decimal? value, string what, bool required = true, bool zeroAllowed = false)
    {
        if (value is not { } amount)
        {
            if (required) Add(field, $"{what} is required.");
            return null;
        }
        if (amount < 0 || (amount == 0 && !zeroAllowed)) Add(field, $"{what} must be more than zero{(zeroAllowed ? " or zero" : "")}.");
        else if (amount > InputLimits.MostMoney) Add(field, $"{what} must be at most {InputLimits.MostMoney:#,0}.");
        else if (decimal.Round(amount, 2) != amount) Add(field, $"{what} must be in pounds and pence, with no fractions of a penny.");
        else return amount;
        return null;
    }

    public T? Required<T>(string field, T? value, string what) where T : struct
    {
        if (value is null) Add(field, $"{what} is required.");
        return value;
    }

    public DateOnly? Date(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what} is required.");
        else if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) Add(field, $"{what} must be a date in the form YYYY-MM-DD.");
        else if (date < InputLimits.EarliestDate || date > InputLimits.LatestDate) Add(field, OutOfRange(what));
        else return date;
        return null;
    }

    /// <summary>An optional query flag: absent or "false" is false, "true" is true, anything else is refused.</summary>
    public bool Flag(string field, string? value)
    {
        if (value is null || value == "false") return false;
        if (value == "true") return true;
        Add(field, $"{field} must be true or false.");
        return false;
    }

    /// <summary>A date in a levy account: from the levy's start (April 2017) to the end of 2100.</summary>
    public DateOnly? LevyDate(string field, string? value, string what)
    {
        var date = Date(field, value, what);
        if (date >= InputLimits.EarliestLevyDate) return date;
        if (date is not null) Add(field, $"{what} must be from {InputLimits.EarliestLevyDate:yyyy-MM-dd} to {InputLimits.LatestDate:yyyy-MM-dd}: the levy began in April 2017.");
        return null;
    }

    /// <summary>A date or date and time; without an offset it is taken as UTC.</summary>
    public DateTime? Instant(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what} is required.");
        else if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)) Add(field, $"{what} must be an ISO 8601 date or date and time.");
        else if (DateOnly.FromDateTime(instant.UtcDateTime) is var day && (day < InputLimits.EarliestDate || day > InputLimits.LatestDate)) Add(field, OutOfRange(what));
        else return instant.UtcDateTime;
        return null;
    }

    private static string OutOfRange(string what) =>
        $"{what} must be from {InputLimits.EarliestDate:yyyy-MM-dd} to {InputLimits.LatestDate:yyyy-MM-dd}.";

    /// <summary>An optional "YYYY-MM" query value, defaulting when absent.</summary>
    public YearMonth? Month(string field, string? value, YearMonth whenAbsent)
    {
        if (value is null) return whenAbsent;
        if (YearMonth.TryParse(value, out var month)) return month;
        Add(field, "Must be a month in the form YYYY-MM.");
        return null;
    }

    /// <summary>A funding band maximum within the bands in force on <paramref name="start"/> (checked once the start is known).</summary>
    public decimal? FundingBand(string field, decimal? value, DateOnly? start, Domain.Levy.Policy.FundingPolicy policy)
    {
        var band = Money(field, value, "Funding band maximum");
        if (band is { } b && start is { } s && s >= policy.EarliestStart && (b < policy.FundingBandFloor.At(s) || b > policy.FundingBandCeiling.At(s)))
            Add(field, $"Funding band maximum must be from {policy.FundingBandFloor.At(s):0} to {policy.FundingBandCeiling.At(s):0}.");
        return band;
    }
}
