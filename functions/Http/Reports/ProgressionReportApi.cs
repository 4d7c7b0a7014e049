using System.Globalization;
using System.Text;
using Apprenticeships.Application.Progression.Queries;
using Apprenticeships.Domain.Progression;

namespace Apprenticeships.Functions.Http.Reports;

/// <summary>In-work progression figures for a date range, per employer and in total, as JSON or CSV (README "In-work progression").</summary>
public static class ProgressionReportApi
{
    public static IEndpointRouteBuilder MapProgressionReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(StaffPolicies.AnyStaff);
        reports.MapGet("/progression", async (string? from, string? to, ProgressionReportQuery report, CancellationToken ct) =>
            (await report.BuildAsync(from, to, ct)).ToHttp(r => r)).Produces<ProgressionReport>();
        reports.MapGet("/progression.csv", async (string? from, string? to, ProgressionReportQuery report, CancellationToken ct) =>
            (await report.BuildAsync(from, to, ct)) switch
            {
                { Problem: { } problem } => problem.ToHttp(),
                var found => TypedResults.File(Encoding.UTF8.GetBytes(Csv(found.Value!)), "text/csv; charset=utf-8",
                    $"progression-{found.Value!.From:yyyy-MM-dd}-to-{found.Value.To:yyyy-MM-dd}.csv"),
            }).Produces<string>(contentType: "text/csv");
        return app;
    }

    private static readonly string[] Header =
    [
        "employer id", "employer", "people", "training offered", "training completed", "people whose earnings rose",
        "people with a pay rise", "total hourly rise", "median hourly rise", "people with more hours", "total weekly hours added", "median weekly hours added",
        "leavers", "average headcount", "turnover",
    ];

    /// <summary>One row per employer and a last row "total"; money in pounds and pence; empty cells where there is nothing to say (no rises, no headcount returns).</summary>
    public static string Csv(ProgressionReport report)
    {
        var csv = new StringBuilder(string.Join(',', Header)).Append('\n');
        foreach (var f in report.Employers.Append(report.Total))
        {
            string?[] cells =
            [
                f.EmployerId ?? "total", f.EmployerName ?? "", CsvCell.Number(f.People), CsvCell.Number(f.TrainingOffered), CsvCell.Number(f.TrainingCompleted), CsvCell.Number(f.PeopleWhoseEarningsRose),
                CsvCell.Number(f.PeopleWithPayRise), CsvCell.Money(f.TotalHourlyRise), CsvCell.Money(f.MedianHourlyRise), CsvCell.Number(f.PeopleWithHoursRise), CsvCell.Money(f.TotalWeeklyHoursRise), CsvCell.Money(f.MedianWeeklyHoursRise),
                f.Leavers is { } l ? CsvCell.Number(l) : "", CsvCell.Money(f.AverageHeadcount), f.Turnover?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
            ];
            csv.Append(string.Join(',', cells.Select(c => CsvCell.Quote(c ?? "")))).Append('\n');
        }
        return csv.ToString();
    }
}
