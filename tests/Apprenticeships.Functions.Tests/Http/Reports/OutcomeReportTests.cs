using System.Net.Http.Json;
using System.Text.Json;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Reports;

/// <summary>
/// The outcome report counts what has happened by today on the business clock; what is dated later
/// in the range is a forecast, shown apart and never counted as spent, used or expired.
/// </summary>
public class OutcomeReportTests
{
    [Fact]
    public async Task A_year_ahead_counts_nothing_as_spent_or_expired_that_has_not_happened_and_shows_the_rest_as_a_forecast()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        // Twenty years on, this app's hub has the report's range to itself (other tests share the storage account).
        await app.AdvanceAsync(TimeSpan.FromDays(3650)); // a move is at most ten years
        await app.AdvanceAsync(TimeSpan.FromDays(3653));
        var demo = await (await http.PostAsync("/api/dev/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        var jobStarters = demo.GetProperty("candidates").EnumerateArray().Where(c => c.GetProperty("branch").GetString()!.StartsWith("job", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, jobStarters.Count);
        var query = $"from={today:yyyy-MM-dd}&to={today.AddYears(1).AddDays(-1):yyyy-MM-dd}";

        var report = await http.GetFromJsonAsync<JsonElement>($"/api/reports/outcomes?{query}");

        Assert.Equal(today.ToString("yyyy-MM-dd"), report.GetProperty("asOf").GetString());
        Assert.Equal(20, report.GetProperty("referrals").GetInt32());
        Assert.Equal(12, report.GetProperty("swapStarts").GetInt32());
        Assert.Equal(0, report.GetProperty("jobOutcomesDirect").GetInt32()); // their first day is next week
        Assert.Equal(12 * 450m, report.GetProperty("spend").GetDecimal());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("costPerOutcome").ValueKind);
        Assert.Equal(0m, report.GetProperty("levyUsed").GetDecimal());
        Assert.Equal(0m, report.GetProperty("levyExpired").GetDecimal());
        var forecast = report.GetProperty("forecast");
        Assert.Equal(today.AddDays(1).ToString("yyyy-MM-dd"), forecast.GetProperty("from").GetString());
        Assert.Equal(2, forecast.GetProperty("jobStarts").GetInt32());
        // Its spend is what is already planned: nothing yet, the cohort's commitments are made on its start day.
        Assert.True(forecast.GetProperty("levyExpiring").GetDecimal() > 0, forecast.ToString()); // what the old report counted as expired

        var csv = await http.GetStringAsync($"/api/reports/outcomes.csv?{query}");
        Assert.Contains("cost per outcome,n/a\n", csv);
        Assert.Contains("forecast: job starts already arranged,2\n", csv);
        var page = await http.GetStringAsync($"/reports/outcomes?{query}");
        Assert.Matches(@"Cost per outcome</th><td[^>]*>n/a</td>", page);
        Assert.Contains("id=\"forecast\"", page);
        Assert.Contains("Counted up to today", page);
        Assert.DoesNotContain(">£</td>", page);

        // A range that ends today has nothing after it to forecast.
        var past = await http.GetFromJsonAsync<JsonElement>($"/api/reports/outcomes?from={today.AddMonths(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(JsonValueKind.Null, past.GetProperty("forecast").ValueKind);
        Assert.DoesNotContain("id=\"forecast\"", await http.GetStringAsync($"/reports/outcomes?from={today.AddMonths(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
    }
}
