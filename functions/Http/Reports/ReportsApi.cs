using Apprenticeships.Functions.Security;
using System.Globalization;
using System.Text;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Http.Reports;

/// <summary>The hub's outcome figures for a date range, as JSON or CSV (DOMAIN.md "The pipeline").</summary>
public static class ReportsApi
{
    /// <summary>Longest range one request may ask for: a few years of figures, not a scan of the century.</summary>
    private const int LongestRangeDays = 366 * 5;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/outcomes", async (string? from, string? to, OutcomeFiguresSource source, CancellationToken ct) =>
        {
            var errors = Check(from, to, out var range);
            if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
            return Results.Ok(await source.BuildAsync(range!.Value.From, range.Value.To, ct));
        }).RequireAuthorization(StaffPolicies.AnyStaff);
        app.MapGet("/api/reports/outcomes.csv", async (string? from, string? to, OutcomeFiguresSource source, CancellationToken ct) =>
        {
            var errors = Check(from, to, out var range);
            if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
            var (start, end) = range!.Value;
            return Results.File(Encoding.UTF8.GetBytes(Csv(await source.BuildAsync(start, end, ct))), "text/csv; charset=utf-8",
                $"outcomes-{start:yyyy-MM-dd}-to-{end:yyyy-MM-dd}.csv");
        }).RequireAuthorization(StaffPolicies.AnyStaff);
        return app;
    }

    private static FieldErrors Check(string? from, string? to, out (DateOnly From, DateOnly To)? range)
    {
        var errors = new FieldErrors();
        var start = errors.Date("from", from, "From");
        var end = errors.Date("to", to, "To");
        if (start is { } s && end is { } e)
        {
            if (e < s) errors.Add("to", "To must be on or after from.");
            else if (e.DayNumber - s.DayNumber > LongestRangeDays) errors.Add("to", "Ask for at most five years at a time.");
        }
        range = errors.Any ? null : (start!.Value, end!.Value);
        return errors;
    }

    /// <summary>One row per figure ("measure,value"); withdrawal reasons as "withdrawals: reason" rows.</summary>
    private static string Csv(OutcomeFigures f)
    {
        var csv = new StringBuilder("measure,value\n");
        void Row(string measure, object? value) => csv.Append(Quote(measure)).Append(',').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        Row("from", f.From.ToString("O")); Row("to", f.To.ToString("O"));
        Row("referrals", f.Referrals); Row("no response", f.NoResponse);
        Row("SWAP starts", f.SwapStarts); Row("SWAP completions", f.SwapCompletions); Row("interviews", f.Interviews);
        Row("job outcomes (direct)", f.JobOutcomesDirect); Row("job outcomes (via SWAP)", f.JobOutcomesViaSwap);
        Row("sustained 13 weeks", f.Sustained13Weeks); Row("sustained 26 weeks", f.Sustained26Weeks);
        Row("apprenticeship starts", f.ApprenticeshipStarts); Row("achievements", f.Achievements);
        Row("withdrawals", f.Withdrawals);
        foreach (var (reason, count) in f.WithdrawalReasons) Row($"withdrawals: {reason}", count);
        Row("training opportunities completed", f.TrainingCompleted);
        Row("spend", f.Spend); Row("cost per outcome", f.CostPerOutcome);
        Row("levy used", f.LevyUsed); Row("levy expired", f.LevyExpired);
        return csv.ToString();
    }

    // Quotes a field with commas or quotes, and defuses a leading =, +, - or @ so a spreadsheet does not run it.
    private static string Quote(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}

/// <summary>Reads what the report needs: candidates, programme records, and the levy side for the cohorts' employers.</summary>
public sealed class OutcomeFiguresSource(CandidateStore candidates, ProgrammeRecords records, CohortStore cohorts,
    CommitmentRepository commitments, AccountRecordsRepository accounts, FundingPolicy policy)
{
    public async Task<OutcomeFigures> BuildAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var facts = await records.RecordedAsync(start, end, ct);
        var (firstMonth, lastMonth) = (YearMonth.Of(from), YearMonth.Of(to));

        // Paid for hub apprentices: every apprenticeship the hub started, whenever, paid within the range.
        var paid = 0m;
        foreach (var started in await records.OfKindAsync(RecordKind.ApprenticeshipStart, ct))
        {
            if (await commitments.FindAsync(started.Value!, ct) is not { } commitment) continue;
            paid += PaymentSchedule.Build(commitment.Commitment, commitment.Events, policy).Payments
                .Where(p => p.PaidMonth >= firstMonth && p.PaidMonth <= lastMonth).Sum(p => p.Amount);
        }
        decimal used = 0, expired = 0;
        foreach (var employerId in (await cohorts.ListAsync(ct)).Select(c => c.EmployerId).Distinct())
        {
            if (await accounts.LoadAsync(employerId, ct) is not { } account) continue;
            var months = LevyAccount.AsOf(account, lastMonth, policy).Months.Where(m => m.Month >= firstMonth).ToList();
            used += months.Sum(m => m.LevyPayments);
            expired += months.Sum(m => m.Expired);
        }
        return OutcomeReport.Build(from, to, await candidates.ListAsync(null, null, ct), facts, new LevyFigures(paid, used, expired));
    }
}
