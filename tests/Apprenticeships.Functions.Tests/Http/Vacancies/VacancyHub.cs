using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Vacancies;

/// <summary>What the vacancy tests set up: employers, vacancies, and candidates engaged and interested in a sector.</summary>
internal static class VacancyHub
{
    public static DateOnly Today(WebApplicationFactory<Program> app) => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public static string Day(WebApplicationFactory<Program> app, int days) => Today(app).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An employer with one site ("main"), as the employer pages would record it.</summary>
    public static async Task<string> EmployerAsync(WebApplicationFactory<Program> app, string name, string sector = "Adult social care")
    {
        var id = LocalAzurite.UniqueName("emp");
        await app.Services.GetRequiredService<EmployerStore>().AddAsync(id, new Employer(id, name, sector, IsLevyPayer: false, IsSme: true)
        {
            Sites = [new EmployerSite("main", "Main site", "TS18 1AB")],
        });
        return id;
    }

    public static object Vacancy(WebApplicationFactory<Program> app, string employerId, int positions = 1, int closesInDays = 28, string? sector = null) => new
    {
        employerId, role = "Care assistant", siteId = "main", hoursPerWeek = 37.5m, pay = 12.60m, payPeriod = "Hourly",
        closingDate = Day(app, closesInDays), sector, isApprenticeship = false, positions,
    };

    public static async Task<string> PostAsync(WebApplicationFactory<Program> app, HttpClient http, string employerId, int positions = 1, int closesInDays = 28)
    {
        var posted = await http.PostAsJsonAsync("/api/vacancies", Vacancy(app, employerId, positions, closesInDays));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A candidate who confirmed their interest (as through their link), with these sector interests.</summary>
    public static async Task<string> EngagedAsync(WebApplicationFactory<Program> app, HttpClient http, string family, params string[] sectors)
    {
        var id = await EnrolAsync(http, Referral(family, $"{family.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org"));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        await app.Services.GetRequiredService<IWorkflows>().AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-confirmed", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        var set = await http.PutAsJsonAsync($"/api/candidates/{id}/interests", new { sectors });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        return id;
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string vacancyId) => await http.GetFromJsonAsync<JsonElement>($"/api/vacancies/{vacancyId}");

    public static async Task<List<string>> MatchesAsync(HttpClient http, string vacancyId) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/vacancies/{vacancyId}/matches")).EnumerateArray().Select(m => m.GetProperty("candidateId").GetString()!).ToList();

    public static async Task<HttpResponseMessage> DecideAsync(HttpClient http, string vacancyId, string candidateId, string decision, string? reason = null, string? startDate = null) =>
        await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/decisions", new { candidateId, decision, reason, startDate });
}
