using System.Globalization;
using System.Text.RegularExpressions;
using Apprenticeships.Domain.Levy;

namespace Apprenticeships.Application;

/// <summary>
/// Collects problems with a command by field name (the JSON and form field names), for an
/// <see cref="Problem.Invalid"/>. Parsing
/// helpers record their own error and return null, so a handler reads top to bottom.
/// </summary>
public sealed partial class FieldErrors
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
        else if (!IdPattern().IsMatch(value)) Add(field, $"{what} must be 1 to 64 letters, digits, '-' or '_'.");
        else return value;
        return null;
    }

    public string? Text(string field, string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what} is required.");
        else if (value.Length > maxLength) Add(field, $"{what} must be at most {maxLength} characters.");
        else return value.Trim();
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
        else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        else Add(field, $"{what} must be a date in the form YYYY-MM-DD.");
        return null;
    }

    /// <summary>A date or date and time; without an offset it is taken as UTC.</summary>
    public DateTime? Instant(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what} is required.");
        else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)) return instant.UtcDateTime;
        else Add(field, $"{what} must be an ISO 8601 date or date and time.");
        return null;
    }

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
        var band = Required(field, value, "Funding band maximum");
        if (band is { } b && start is { } s && s >= policy.EarliestStart && (b < policy.FundingBandFloor.At(s) || b > policy.FundingBandCeiling.At(s)))
            Add(field, $"Funding band maximum must be from {policy.FundingBandFloor.At(s):0} to {policy.FundingBandCeiling.At(s):0}.");
        return band;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
