using System.Globalization;

namespace Apprenticeships.Functions.Pages;

/// <summary>
/// What the advisor's and administrator's programme pages share: turning form boxes into the text a
/// command reads (a date's three boxes into "YYYY-MM-DD", "£1,250.00" into an amount) and pieces
/// of markup. Only the form's own shape is checked here: whether a value is allowed is the
/// command's to say, so the API and the pages refuse the same things.
/// </summary>
public static class PageParts
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The form's fields by name, each as the text posted (the first, if posted twice).</summary>
    public static Dictionary<string, string?> Values(IFormCollection form) =>
        form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString(), StringComparer.Ordinal);

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A GOV.UK date input's three boxes (<c>name-day</c>, <c>name-month</c>, <c>name-year</c>) as
    /// "YYYY-MM-DD": null with no problem when all are empty (the command says it is required),
    /// else null with the problem when they do not make a date.
    /// </summary>
    public static (string? Iso, string? Problem) DateFromBoxes(IReadOnlyDictionary<string, string?> values, string name, string what)
    {
        var parts = new[] { "day", "month", "year" }.Select(p => values.GetValueOrDefault($"{name}-{p}")?.Trim()).ToArray();
        if (parts.All(string.IsNullOrEmpty)) return (null, null);
        if (parts.Any(string.IsNullOrEmpty)) return (null, $"{what} must include a day, month and year.");
        return RealDate(parts[0]!, parts[1]!, parts[2]!) is { } date ? (Iso(date), null) : (null, $"{what} must be a real date, like 27 3 2026.");
    }

    /// <summary>A "YYYY-MM-DD" value split back into the three boxes it is shown in; other text goes in no box.</summary>
    public static (string? Day, string? Month, string? Year) Boxes(IReadOnlyDictionary<string, string?> values, string name)
    {
        if (values.ContainsKey($"{name}-day") || values.ContainsKey($"{name}-month") || values.ContainsKey($"{name}-year"))
            return (values.GetValueOrDefault($"{name}-day"), values.GetValueOrDefault($"{name}-month"), values.GetValueOrDefault($"{name}-year"));
        return DateOnly.TryParseExact(values.GetValueOrDefault(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture))
            : (null, null, null);
    }

    /// <summary>Dates one to a line, as "27/3/2026", "27 3 2026" or "2026-03-27", each as "YYYY-MM-DD"; the problem names the first that is not a date.</summary>
    public static (List<string> Dates, string? Problem) DateLines(string? text, string what)
    {
        var dates = new List<string>();
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) { dates.Add(Iso(iso)); continue; }
            var parts = line.Split(['/', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && RealDate(parts[0], parts[1], parts[2]) is { } date) { dates.Add(Iso(date)); continue; }
            return (dates, $"{what} must each be a real date, like 27/3/2026, one to a line: '{(line.Length > 20 ? line[..20] + "…" : line)}' is not.");
        }
        return (dates, null);
    }

    /// <summary>Dates as the lines <see cref="DateLines"/> reads.</summary>
    public static string AsLines(IEnumerable<string>? isoDates) => string.Join("\n", (isoDates ?? []).Select(d =>
        DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("d/M/yyyy", CultureInfo.InvariantCulture) : d));

    /// <summary>Pounds and pence as typed ("450", "1,250.50", "£450.00"): null with no problem when empty, else the amount or why it is not one.</summary>
    public static (decimal? Amount, string? Problem) Money(string? text, string what)
    {
        var plain = (text ?? "").Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        if (plain.Length == 0) return (null, null);
        return plain.Length <= 20 && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? (amount, null)
            : (null, $"{what} must be an amount in pounds and pence, like 450.00.");
    }

    /// <summary>A whole number as typed: null with no problem when empty, else the number or why it is not one.</summary>
    public static (int? Number, string? Problem) Whole(string? text, string what)
    {
        var plain = (text ?? "").Trim();
        if (plain.Length == 0) return (null, null);
        return int.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n, null) : (null, $"{what} must be a whole number, like 18.");
    }

    /// <summary>
    /// A radio button's value as the command's enum: null when nothing was chosen; a value the enum
    /// does not name becomes one it does not define, so the command refuses it naming the field.
    /// </summary>
    public static T? Choice<T>(string? text) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        return Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<T>(text) : (T)Enum.ToObject(typeof(T), -1);
    }

    /// <summary>Problems a form shows beside its fields: a problem about something not on the form (the id in the URL, say) goes to <paramref name="fallback"/>.</summary>
    public static Dictionary<string, string[]> OnFields(IReadOnlyDictionary<string, string[]> errors, IReadOnlyCollection<string> fields, string fallback)
    {
        var shown = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in errors)
        {
            var target = fields.Contains(field) ? field : fallback;
            shown[target] = shown.TryGetValue(target, out var already) ? [.. already, .. messages] : messages;
        }
        return shown;
    }

    /// <summary>Problems the form found itself, over whatever the command said about the same fields.</summary>
    public static Dictionary<string, string[]> With(Dictionary<string, string[]> errors, IEnumerable<(string Field, string? Problem)> own)
    {
        foreach (var (field, problem) in own) if (problem is not null) errors[field] = [problem];
        return errors;
    }

    public static Html SuccessBanner(Html message) => Html.Of($"""
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">Success</h2></div>
          <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{message}</p></div>
        </div>
        """);

    public static Html Row(string key, object? value) => Html.Of(
        $"<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">{key}</dt><dd class=\"govuk-summary-list__value\">{value}</dd></div>");

    /// <summary>A link styled as a button (GOV.UK), for the next thing to do.</summary>
    public static Html ButtonLink(string href, string text, bool secondary = false) => Html.Of(
        $"<a href=\"{href}\" role=\"button\" draggable=\"false\" class=\"govuk-button{(secondary ? " govuk-button--secondary" : "")}\" data-module=\"govuk-button\">{text}</a>");

    public static IResult NotFound(HttpContext http, string what, string backHref, string backText) => PageLayout.Render(http, $"{what} not found", Html.Of($"""
        <h1 class="govuk-heading-l">{what} not found</h1>
        <p class="govuk-body"><a class="govuk-link" href="{backHref}">{backText}</a></p>
        """), StatusCodes.Status404NotFound);

    public static bool IsAdmin(HttpContext http) => http.User.IsInRole(StaffRoles.Admin);

    private static DateOnly? RealDate(string day, string month, string year) =>
        int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
