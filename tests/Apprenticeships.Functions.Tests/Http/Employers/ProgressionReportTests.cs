using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Http.Employers.ProgressionFixture;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>The progression report's figures on a small known data set, as JSON and CSV.</summary>
public class ProgressionReportTests
{
    [Fact]
    public async Task Training_rises_and_turnover_are_counted_per_employer_for_the_period()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var employer = await EmployerAsync(app);
        string P(string person, string what) => $"{Base(employer.Id)}/participants/{person}/{what}";

        var ana = await AddStaffAsync(http, employer.Id, "Ana");
        var first = (await PostAsync(http, P(ana, "training"), new { title = "Level 2 Diploma in Care", offeredOn = Day(app, -30) })).GetProperty("recordId").GetString();
        await PostAsync(http, P(ana, "training"), new { title = "First aid", offeredOn = Day(app, -20) });
        await PostAsync(http, P(ana, $"training/{first}/completion"), new { completedOn = Day(app, -5) }, HttpStatusCode.OK);
        await PostAsync(http, P(ana, "pay-changes"), new { effectiveOn = Day(app, -10), hourlyPayBefore = 11.44m, hourlyPayAfter = 12.10m });

        var ben = await AddStaffAsync(http, employer.Id, "Ben");
        await PostAsync(http, P(ben, "training"), new { title = "Before the period", offeredOn = Day(app, -90) });
        await PostAsync(http, P(ben, "pay-changes"), new { effectiveOn = Day(app, -15), hourlyPayBefore = 10.00m, hourlyPayAfter = 10.50m, weeklyHoursBefore = 16m, weeklyHoursAfter = 20m });

        var cal = await AddStaffAsync(http, employer.Id, "Cal");
        await PostAsync(http, P(cal, "pay-changes"), new { effectiveOn = Day(app, -15), hourlyPayBefore = 12.00m, hourlyPayAfter = 11.00m }); // a cut is no rise

        await PostAsync(http, $"{Base(employer.Id)}/headcount", new { date = Day(app, -40), headcount = 40, leavers = 3 });
        await PostAsync(http, $"{Base(employer.Id)}/headcount", new { date = Day(app, -1), headcount = 44, leavers = 2 });
        await PostAsync(http, $"{Base(employer.Id)}/headcount", new { date = Day(app, -100), headcount = 90, leavers = 30 }); // before the period

        var query = $"from={Day(app, -60)}&to={Day(app)}";
        var report = await http.GetFromJsonAsync<JsonElement>($"/api/reports/progression?{query}");
        var row = report.GetProperty("employers").EnumerateArray().Single(e => e.GetProperty("employerId").GetString() == employer.Id);
        Assert.Equal(employer.Name, row.GetProperty("employerName").GetString());
        Assert.Equal(3, row.GetProperty("people").GetInt32());
        Assert.Equal(2, row.GetProperty("trainingOffered").GetInt32());
        Assert.Equal(1, row.GetProperty("trainingCompleted").GetInt32());
        Assert.Equal(2, row.GetProperty("peopleWhoseEarningsRose").GetInt32());
        Assert.Equal(2, row.GetProperty("peopleWithPayRise").GetInt32());
        Assert.Equal(1.16m, row.GetProperty("totalHourlyRise").GetDecimal());
        Assert.Equal(0.58m, row.GetProperty("medianHourlyRise").GetDecimal());
        Assert.Equal(1, row.GetProperty("peopleWithHoursRise").GetInt32());
        Assert.Equal(4m, row.GetProperty("totalWeeklyHoursRise").GetDecimal());
        Assert.Equal(5, row.GetProperty("leavers").GetInt32());
        Assert.Equal(42m, row.GetProperty("averageHeadcount").GetDecimal());
        Assert.Equal(0.119m, row.GetProperty("turnover").GetDecimal());
        // The total counts every employer's, this one's among them.
        Assert.True(report.GetProperty("total").GetProperty("trainingOffered").GetInt32() >= 2);

        var csv = await http.GetStringAsync($"/api/reports/progression.csv?{query}");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("employer id,employer,people,training offered,training completed", lines[0]);
        Assert.Contains($"{employer.Id},{employer.Name},3,2,1,2,2,1.16,0.58,1,4.00,4.00,5,42.00,0.1190", lines);
        Assert.StartsWith("total,", lines[^1]);

        var backwards = await http.GetAsync($"/api/reports/progression?from={Day(app)}&to={Day(app, -1)}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
    }
}
