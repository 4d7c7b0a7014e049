using System.Text;
using Apprenticeships.Application.Vacancies.Queries;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Functions.Http.Reports;

/// <summary>Vacancies posted and filled, time to fill and retention, per employer and in total, as JSON or CSV (README "Vacancies").</summary>
public static class VacancyReportApi
{
    public static IEndpointRouteBuilder MapVacancyReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(StaffPolicies.AnyStaff);
        reports.MapGet("/vacancies", async (string? from, string? to, VacancyReportQuery report, CancellationToken ct) =>
            (await report.BuildAsync(from, to, ct)).ToHttp(r => r)).Produces<VacancyReport>();
        reports.MapGet("/vacancies.csv", async (string? from, string? to, VacancyReportQuery report, CancellationToken ct) =>
            (await report.BuildAsync(from, to, ct)) switch
            {
                { Problem: { } problem } => problem.ToHttp(),
                var found => TypedResults.File(Encoding.UTF8.GetBytes(Csv(found.Value!)), "text/csv; charset=utf-8",
                    $"vacancies-{found.Value!.From:yyyy-MM-dd}-to-{found.Value.To:yyyy-MM-dd}.csv"),
            }).Produces<string>(contentType: "text/csv");
        return app;
    }

    private static readonly string[] Header =
    [
        "employer id", "employer", "vacancies posted", "positions posted", "positions filled", "filled directly", "filled through an academy",
        "median days to fill", "due 13-week check", "in work at 13 weeks", "due 26-week check", "in work at 26 weeks",
    ];

    /// <summary>One row per employer and a last row "total"; an empty median where nothing was filled.</summary>
    public static string Csv(VacancyReport report)
    {
        var csv = new StringBuilder(string.Join(',', Header)).Append('\n');
        foreach (var f in report.Employers.Append(report.Total))
        {
            string[] cells =
            [
                f.EmployerId ?? "total", f.EmployerName ?? "", CsvCell.Number(f.VacanciesPosted), CsvCell.Number(f.PositionsPosted),
                CsvCell.Number(f.PositionsFilled), CsvCell.Number(f.FilledDirect), CsvCell.Number(f.FilledViaAcademy),
                f.MedianDaysToFill?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                CsvCell.Number(f.Due13Weeks), CsvCell.Number(f.Retained13Weeks), CsvCell.Number(f.Due26Weeks), CsvCell.Number(f.Retained26Weeks),
            ];
            csv.Append(string.Join(',', cells.Select(CsvCell.Quote))).Append('\n');
        }
        return csv.ToString();
    }
}
