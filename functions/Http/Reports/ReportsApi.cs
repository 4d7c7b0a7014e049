using System.Globalization;
using System.Text;

namespace Apprenticeships.Functions.Http.Reports;

/// <summary>The hub's outcome figures for a date range, as JSON or CSV (docs/glossary.md "Outcome figures").</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(StaffPolicies.AnyStaff);
        reports.MapGet("/outcomes", async (string? from, string? to, OutcomeFiguresQuery figures, CancellationToken ct) =>
            (await figures.BuildAsync(from, to, ct)).ToHttp(f => f)).Produces<OutcomeFigures>();
        reports.MapGet("/outcomes.csv", async (string? from, string? to, OutcomeFiguresQuery figures, CancellationToken ct) =>
            (await figures.BuildAsync(from, to, ct)) switch
            {
                { Problem: { } problem } => problem.ToHttp(),
                var found => TypedResults.File(Encoding.UTF8.GetBytes(Csv(found.Value!)), "text/csv; charset=utf-8",
                    $"outcomes-{found.Value!.From:yyyy-MM-dd}-to-{found.Value.To:yyyy-MM-dd}.csv"),
            }).Produces<string>(contentType: "text/csv");
        return app;
    }

    /// <summary>One row per figure ("measure,value"); withdrawal reasons as "withdrawals: reason" rows; "n/a" for a cost per outcome with no outcomes; the forecast's rows after the figures when the range goes past today.</summary>
    private static string Csv(OutcomeFigures f)
    {
        var csv = new StringBuilder("measure,value\n");
        // Money in pounds and pence (1000.00), as in the JSON and the levy statement.
        void Row(string measure, object? value) => csv.Append(CsvCell.Quote(measure)).Append(',')
            .Append(value is decimal money ? money.ToString("0.00", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        Row("from", f.From.ToString("O")); Row("to", f.To.ToString("O")); Row("counted up to", (f.To < f.AsOf ? f.To : f.AsOf).ToString("O"));
        Row("referrals", f.Referrals); Row("no response", f.NoResponse);
        Row("SWAP starts", f.SwapStarts); Row("SWAP completions", f.SwapCompletions); Row("interviews", f.Interviews);
        Row("job outcomes (direct)", f.JobOutcomesDirect); Row("job outcomes (via SWAP)", f.JobOutcomesViaSwap);
        Row("sustained 13 weeks", f.Sustained13Weeks); Row("sustained 26 weeks", f.Sustained26Weeks);
        Row("apprenticeship starts", f.ApprenticeshipStarts); Row("achievements", f.Achievements);
        Row("withdrawals", f.Withdrawals);
        foreach (var (reason, count) in f.WithdrawalReasons) Row($"withdrawals: {reason}", count);
        Row("training opportunities completed", f.TrainingCompleted);
        Row("spend", f.Spend); Row("cost per outcome", f.CostPerOutcome is { } cost ? cost : (object)"n/a");
        Row("levy used", f.LevyUsed); Row("levy expired", f.LevyExpired);
        if (f.Forecast is { } ahead)
        {
            // After today: planned, not happened; never added to the figures above.
            Row("forecast from", ahead.From.ToString("O")); Row("forecast to", ahead.To.ToString("O"));
            Row("forecast: job starts already arranged", ahead.JobStarts); Row("forecast: spend planned", ahead.Spend);
            Row("forecast: levy to be used", ahead.LevyUsed); Row("forecast: levy that will expire if nothing changes", ahead.LevyExpiring);
        }
        return csv.ToString();
    }
}
