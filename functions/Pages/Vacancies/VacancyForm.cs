using System.Globalization;
using Apprenticeships.Application.Vacancies.Commands;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Functions.Pages.Vacancies;

/// <summary>
/// The vacancy form that hub staff and employers both fill in: its fields, read into the command's
/// input (only the form's own shape is checked here; what is allowed is the command's to say), and
/// shown again with the command's problems beside them.
/// </summary>
public static class VacancyForm
{
    public static readonly string[] Fields = ["role", "siteId", "hoursPerWeek", "pay", "payPeriod", "closingDate", "sector", "isApprenticeship", "positions"];

    /// <summary>The form's values as the commands read them, and the problems only the form can see (boxes that make no date, a number that is not one).</summary>
    public static (EditVacancy Command, (string Field, string? Problem)[] Own) Read(Dictionary<string, string?> v)
    {
        var (closing, closingProblem) = PageParts.DateFromBoxes(v, "closingDate", "Closing date");
        var (pay, payProblem) = PageParts.Money(v.GetValueOrDefault("pay"), "Pay");
        var (positions, positionsProblem) = PageParts.Whole(v.GetValueOrDefault("positions"), "Number of positions");
        var (hours, hoursProblem) = Hours(v.GetValueOrDefault("hoursPerWeek"));
        var period = PageParts.Choice<PayPeriod>(v.GetValueOrDefault("payPeriod"));
        string? Text(string name) => string.IsNullOrWhiteSpace(v.GetValueOrDefault(name)) ? null : v[name];
        return (new EditVacancy(Text("role"), Text("siteId"), hours, pay, period, closing, Text("sector"), v.GetValueOrDefault("isApprenticeship") == "true", positions),
            [("closingDate", closingProblem), ("pay", payProblem), ("positions", positionsProblem), ("hoursPerWeek", hoursProblem)]);
    }

    public static PostVacancy ToPost(EditVacancy e, string employerId) =>
        new(employerId, e.Role, e.SiteId, e.HoursPerWeek, e.Pay, e.PayPeriod, e.ClosingDate, e.Sector, e.IsApprenticeship, e.Positions);

    /// <summary>A vacancy's details as the form's values, to start an edit from.</summary>
    public static Dictionary<string, string?> Values(Vacancy vacancy)
    {
        var e = EditVacancy.From(vacancy);
        return new()
        {
            ["role"] = e.Role, ["siteId"] = e.SiteId, ["hoursPerWeek"] = e.HoursPerWeek?.ToString("0.##", CultureInfo.InvariantCulture),
            ["pay"] = e.Pay?.ToString("0.00", CultureInfo.InvariantCulture), ["payPeriod"] = e.PayPeriod?.ToString(), ["closingDate"] = e.ClosingDate,
            ["sector"] = e.Sector, ["isApprenticeship"] = e.IsApprenticeship == true ? "true" : null, ["positions"] = e.Positions?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The fields, for <paramref name="employer"/> (its sites to choose from, its sector as the default).</summary>
    public static Html Render(Employer employer, Dictionary<string, string?> v, IReadOnlyDictionary<string, string[]> errors, DateOnly today)
    {
        string? V(string name) => v.GetValueOrDefault(name);
        var site = employer.Sites.Count == 0 ? Html.Empty
            : FormFields.Select("siteId", "Site", new[] { ("", "Choose a site") }.Concat(employer.Sites.Select(s => (s.Id, $"{s.Name}, {s.Postcode}"))), V("siteId"), errors,
                hint: "Where the job is.");
        return Html.Of($"""
            {FormFields.Text("role", "Role", V("role"), errors, hint: "The job title, for example Care assistant", width: "govuk-input--width-30")}
            {site}
            {FormFields.Text("hoursPerWeek", "Hours per week", V("hoursPerWeek"), errors, hint: "For example, 37.5", width: "govuk-input--width-5", spellcheck: false)}
            {FormFields.Text("pay", "Pay, in pounds", V("pay"), errors, hint: "An hourly rate like 12.60, or an annual salary like 24500.00", width: "govuk-input--width-10", spellcheck: false)}
            {FormFields.Radios("payPeriod", "Is that an hourly rate or an annual salary?", [("Hourly", "Hourly rate"), ("Annual", "Annual salary")], V("payPeriod"), errors, inline: true)}
            {FormFields.Date("closingDate", "Closing date", PageParts.Boxes(v, "closingDate"), errors,
                hint: $"The last day people can be put forward. For example, {today.AddDays(28).Day} {today.AddDays(28).Month} {today.AddDays(28).Year}")}
            {FormFields.Text("sector", "Sector (optional)", V("sector"), errors, hint: $"Leave blank for the employer's sector: {employer.Sector}", width: "govuk-input--width-20")}
            {FormFields.Checkbox("isApprenticeship", "Apprenticeship", "This is an apprenticeship", V("isApprenticeship") == "true", errors)}
            {FormFields.Text("positions", "Number of positions", V("positions"), errors, width: "govuk-input--width-3", spellcheck: false)}
            """);
    }

    private static (decimal? Hours, string? Problem) Hours(string? text)
    {
        var plain = (text ?? "").Trim();
        if (plain.Length == 0) return (null, null);
        return plain.Length <= 12 && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? (n, null)
            : (null, "Hours per week must be a number, like 37.5.");
    }
}
