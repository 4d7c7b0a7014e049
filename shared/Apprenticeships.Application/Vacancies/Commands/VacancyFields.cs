using Apprenticeships.Domain.Employers;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Application.Vacancies.Commands;

/// <summary>
/// A new vacancy. Hub staff name the employer; in the employer portal it is the signed-in employer.
/// The sector defaults to the employer's; the site is required when the employer has sites.
/// </summary>
public sealed record PostVacancy(
    string? EmployerId, string? Role, string? SiteId, decimal? HoursPerWeek, decimal? Pay, PayPeriod? PayPeriod,
    string? ClosingDate, string? Sector, bool? IsApprenticeship, int? Positions)
{
    internal VacancyFields Fields => new(Role, SiteId, HoursPerWeek, Pay, PayPeriod, ClosingDate, Sector, IsApprenticeship, Positions);
}

/// <summary>A vacancy's new details; its employer, posted date and filled positions stay.</summary>
public sealed record EditVacancy(
    string? Role, string? SiteId, decimal? HoursPerWeek, decimal? Pay, PayPeriod? PayPeriod,
    string? ClosingDate, string? Sector, bool? IsApprenticeship, int? Positions)
{
    internal VacancyFields Fields => new(Role, SiteId, HoursPerWeek, Pay, PayPeriod, ClosingDate, Sector, IsApprenticeship, Positions);

    public static EditVacancy From(Vacancy v) => new(v.Role, v.SiteId, v.HoursPerWeek, v.Pay.Amount, v.Pay.Per,
        v.ClosingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.Sector, v.IsApprenticeship, v.Positions);
}

/// <summary>A vacancy's fields as a post or an edit gives them, read and checked the same way for both.</summary>
internal sealed record VacancyFields(
    string? Role, string? SiteId, decimal? HoursPerWeek, decimal? Pay, PayPeriod? PayPeriod,
    string? ClosingDate, string? Sector, bool? IsApprenticeship, int? Positions)
{
    /// <summary>No job is more than this many hours a week; more is a typo.</summary>
    public const decimal MostHours = 60;
    /// <summary>Vacancies are posted for the coming months, not years.</summary>
    public const int LongestOpenDays = 366;
    public const int MostPositions = 100;
    /// <summary>Sanity limits on pay: above these it is a typo (an annual salary typed as an hourly rate, or the other way).</summary>
    public const decimal MostHourlyPay = 500m, MostAnnualPay = 1_000_000m;

    /// <summary>
    /// The vacancy the fields describe for <paramref name="employer"/>, or null with each problem in
    /// <paramref name="errors"/> under its field's name. <paramref name="before"/> is the vacancy as
    /// it stood, for an edit: its closing date may stay as it was even if past.
    /// </summary>
    public Vacancy? Read(FieldErrors errors, string id, Employer? employer, DateOnly today, Vacancy? before = null)
    {
        var role = errors.Text("role", Role, "Role", InputLimits.Title);
        var sector = errors.OptionalText("sector", Sector, "Sector", InputLimits.Sector) ?? employer?.Sector;
        // Without an employer (whose absence is reported on its own) there is no default to miss.
        if (sector is null && employer is not null && !errors.Has("sector")) errors.Add("sector", "Sector is required.");
        string? siteId = null;
        if (employer is not null)
        {
            if (employer.Sites.Count == 0)
            {
                if (!string.IsNullOrWhiteSpace(SiteId)) errors.Add("siteId", "This employer has no sites recorded: leave the site out.");
            }
            else if (string.IsNullOrWhiteSpace(SiteId)) errors.Add("siteId", "Choose which of the employer's sites the job is at.");
            else if (employer.Sites.FirstOrDefault(s => s.Id == SiteId.Trim()) is { } site) siteId = site.Id;
            else errors.Add("siteId", "The site must be one of the employer's sites.");
        }

        var hours = errors.Required("hoursPerWeek", HoursPerWeek, "Hours per week");
        if (hours is { } h && (h <= 0 || h > MostHours || decimal.Round(h, 2) != h))
        {
            errors.Add("hoursPerWeek", $"Hours per week must be more than 0 and at most {MostHours}, to two decimal places.");
            hours = null;
        }
        var period = errors.Defined("payPeriod", errors.Required("payPeriod", PayPeriod, "Pay period"), "Pay period");
        var pay = errors.Money("pay", Pay, "Pay");
        if (pay is { } p && period is { } per && p > (per == Domain.Vacancies.PayPeriod.Hourly ? MostHourlyPay : MostAnnualPay))
        {
            errors.Add("pay", per == Domain.Vacancies.PayPeriod.Hourly
                ? $"An hourly rate must be at most {MostHourlyPay:0}. Is it an annual salary?"
                : $"An annual salary must be at most {MostAnnualPay:#,0}.");
            pay = null;
        }

        var closing = errors.Date("closingDate", ClosingDate, "Closing date");
        if (closing is { } c && c != before?.ClosingDate)
        {
            if (c < today) { errors.Add("closingDate", "The closing date cannot be in the past."); closing = null; }
            else if (c > today.AddDays(LongestOpenDays)) { errors.Add("closingDate", $"The closing date must be within {LongestOpenDays} days of today."); closing = null; }
        }

        var positions = errors.Required("positions", Positions, "Number of positions");
        if (positions is { } n && (n < 1 || n > MostPositions))
        {
            errors.Add("positions", $"Number of positions must be from 1 to {MostPositions}.");
            positions = null;
        }
        else if (positions is { } m && before is not null && m < before.Filled.Count)
        {
            errors.Add("positions", $"{before.Filled.Count} positions are filled already: there cannot be fewer.");
            positions = null;
        }

        if (errors.Any || employer is null) return null;
        return new Vacancy(id, employer.Id, role!, siteId, hours!.Value, new Pay(pay!.Value, period!.Value), closing!.Value, sector!,
            IsApprenticeship ?? false, positions!.Value, before?.PostedOn ?? today)
        {
            Status = before?.Status ?? VacancyStatus.Open,
            Filled = before?.Filled ?? [],
        };
    }
}
