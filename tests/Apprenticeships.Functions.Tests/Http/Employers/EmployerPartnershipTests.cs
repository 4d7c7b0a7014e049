using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Testing;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Http.Vacancies.VacancyHub;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>
/// An employer as a partner from start to finish, through the API only: it joins the hub's
/// employer scheme, posts a vacancy, an academy is built around it, a candidate from the academy
/// fills it, stays in work at 13 weeks and gets a pay rise and training; and the reports count each step.
/// </summary>
public class EmployerPartnershipTests
{
    private const string Sector = "Adult social care";

    [Fact]
    public async Task An_employer_joins_fills_a_vacancy_through_an_academy_and_the_reports_count_the_placement_its_retention_and_the_pay_rise()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var day0 = Today(app);
        string On(int days) => day0.AddDays(days).ToString("yyyy-MM-dd");
        async Task ToDayAsync(int days)
        {
            var by = day0.AddDays(days).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) - app.Clock().GetUtcNow().UtcDateTime;
            if (by > TimeSpan.Zero) await app.AdvanceAsync(by);
        }

        // The employer, its contact and its membership of the scheme.
        var employerId = LocalAzurite.UniqueName("birchwood");
        await PostAsync(http, "/api/employers", new { id = employerId, name = "Birchwood Care", sector = Sector, isLevyPayer = false, isSme = true }, HttpStatusCode.Created);
        await PostAsync(http, $"/api/employers/{employerId}/contacts", new { name = "Ffion Hughes", role = "Registered manager", email = $"ffion.{Guid.NewGuid():N}@birchwood.example", isPrimary = true }, HttpStatusCode.Created);
        await PostAsync(http, $"/api/employers/{employerId}/membership/join", new { date = On(0), support = new[] { "RecruitmentSupport", "RetentionSupport" } }, HttpStatusCode.Created);
        var employer = await http.GetFromJsonAsync<JsonElement>($"/api/employers/{employerId}/membership");
        Assert.Contains(On(0), employer.ToString());

        // A vacancy, and an academy built around it.
        var vacancyId = (await PostAsync(http, "/api/vacancies", new
        {
            employerId, role = "Care assistant", hoursPerWeek = 30m, pay = 12.60m, payPeriod = "Hourly", closingDate = On(28), sector = Sector, isApprenticeship = false, positions = 1,
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var providerId = LocalAzurite.UniqueName("prov");
        await PostAsync(http, "/api/providers", new { id = providerId, name = "Care Skills Training" }, HttpStatusCode.Created);
        var academyId = (await PostAsync(http, "/api/academies", new
        {
            name = "Birchwood care academy", employerId, sector = Sector, providerId, place = "Birchwood House", sessions = new[] { On(3) },
            placementStart = On(7), placementEnd = On(18), interviewDate = On(21), costPerPlace = 450m, vacancyIds = new[] { vacancyId },
        }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        // A candidate on the academy is matched to the vacancy, put forward, interviewed and offered it.
        var candidate = await EngagedAsync(app, http, "Partner", "Retail");
        await PostAsync(http, $"/api/academies/{academyId}/members", new { candidateId = candidate }, HttpStatusCode.Created);
        Assert.Contains(candidate, await MatchesAsync(http, vacancyId));
        await PostAsync(http, $"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate }, HttpStatusCode.Created);
        await ToDayAsync(21);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(http, vacancyId, candidate, "Interview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(http, vacancyId, candidate, "Offered")).StatusCode);
        await PostAsync(http, $"/api/academies/{academyId}/outcomes", new { candidateId = candidate, outcome = "CompletedSuccessful", offer = "Job" }, HttpStatusCode.OK);
        await EventuallyAsync(async () => await StageOfAsync(http, candidate) == "Engaged", "back from the academy with a job offer");

        // They accept: the vacancy is filled through the academy, their job starts, and in-work progression follows them.
        var start = day0.AddDays(25);
        var accepted = await (await DecideAsync(http, vacancyId, candidate, "OfferAccepted", startDate: start.ToString("yyyy-MM-dd"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ViaAcademy", accepted.GetProperty("filled").GetProperty("route").GetString());
        Assert.Equal(academyId, accepted.GetProperty("filled").GetProperty("academyId").GetString());
        Assert.Equal("Recorded", accepted.GetProperty("jobStart").GetString());
        await EventuallyAsync(async () => await StageOfAsync(http, candidate) == "InWork", "in work");
        var participant = $"pp-{candidate}";
        var progression = await http.GetFromJsonAsync<JsonElement>($"/api/employers/{employerId}/progression");
        Assert.Contains(participant, progression.ToString());

        // Two months in: training completed and a pay rise; at 13 weeks, still in work.
        await ToDayAsync(25 + 60);
        var training = (await PostAsync(http, $"/api/employers/{employerId}/progression/participants/{participant}/training",
            new { title = "Care Certificate", offeredOn = start.AddDays(30).ToString("yyyy-MM-dd") }, HttpStatusCode.Created)).GetProperty("recordId").GetString()!;
        await PostAsync(http, $"/api/employers/{employerId}/progression/participants/{participant}/training/{training}/completion",
            new { completedOn = start.AddDays(55).ToString("yyyy-MM-dd") }, HttpStatusCode.OK);
        await PostAsync(http, $"/api/employers/{employerId}/progression/participants/{participant}/pay-changes",
            new { effectiveOn = start.AddDays(60).ToString("yyyy-MM-dd"), hourlyPayBefore = 12.60m, hourlyPayAfter = 13.20m }, HttpStatusCode.Created);
        await ToDayAsync(25 + 7 * 13);
        await PostAsync(http, $"/api/candidates/{candidate}/sustainment", new { week = 13, inWork = true }, HttpStatusCode.OK);

        // The reports count each step for this employer.
        var range = $"from={On(0)}&to={start.AddDays(100):yyyy-MM-dd}";
        var vacancies = Row(await http.GetFromJsonAsync<JsonElement>($"/api/reports/vacancies?{range}"), employerId);
        Assert.Equal(1, vacancies.GetProperty("vacanciesPosted").GetInt32());
        Assert.Equal(1, vacancies.GetProperty("positionsFilled").GetInt32());
        Assert.Equal(1, vacancies.GetProperty("filledViaAcademy").GetInt32());
        Assert.Equal(0, vacancies.GetProperty("filledDirect").GetInt32());
        Assert.Equal(25m, vacancies.GetProperty("medianDaysToFill").GetDecimal());
        Assert.Equal((1, 1), (vacancies.GetProperty("due13Weeks").GetInt32(), vacancies.GetProperty("retained13Weeks").GetInt32()));
        var csv = await http.GetStringAsync($"/api/reports/vacancies.csv?{range}");
        Assert.Contains($"{employerId},Birchwood Care,1,1,1,0,1,25,1,1,0,0", csv);

        var progress = Row(await http.GetFromJsonAsync<JsonElement>($"/api/reports/progression?{range}"), employerId);
        Assert.Equal(1, progress.GetProperty("trainingCompleted").GetInt32());
        Assert.Equal(1, progress.GetProperty("peopleWhoseEarningsRose").GetInt32());
        Assert.Equal(0.60m, progress.GetProperty("totalHourlyRise").GetDecimal());
    }

    private static JsonElement Row(JsonElement report, string employerId) =>
        Assert.Single(report.GetProperty("employers").EnumerateArray(), e => e.GetProperty("employerId").GetString() == employerId);

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body, HttpStatusCode expected)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
