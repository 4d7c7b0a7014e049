namespace Apprenticeships.Application.Reports;

/// <summary>
/// The date range of an employer-side report ("YYYY-MM-DD", both ends counted): to defaults to
/// today and from to a year before it; from may not be after to, and a range longer than
/// <see cref="LongestYears"/> is a typo rather than a question.
/// </summary>
public static class ReportRange
{
    public const int LongestYears = 10;

    public static (DateOnly From, DateOnly To)? Read(FieldErrors errors, string? from, string? to, DateOnly today)
    {
        var end = to is null ? today : errors.Date("to", to, "To");
        var start = from is null ? end?.AddYears(-1).AddDays(1) : errors.Date("from", from, "From");
        if (start is { } s && end is { } e)
        {
            if (s > e) errors.Add("from", "From must not be after to.");
            else if (s < e.AddYears(-LongestYears)) errors.Add("from", $"A report covers at most {LongestYears} years.");
        }
        return errors.Any ? null : (start!.Value, end!.Value);
    }
}
