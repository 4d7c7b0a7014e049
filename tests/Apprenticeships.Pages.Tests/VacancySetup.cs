using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Pages.Tests;

/// <summary>What the vacancy page tests set up through the app: an employer, a vacancy, an engaged candidate interested in a sector.</summary>
internal static class VacancySetup
{
    public static DateOnly Today(this PagesApp app) => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>An employer with one site, as the employer pages would record it.</summary>
    public static async Task<string> EmployerAsync(this PagesApp app, string name, string sector = "Adult social care")
    {
        var id = LocalAzurite.UniqueName("emp");
        await app.Services.GetRequiredService<EmployerStore>().AddAsync(id, new Employer(id, name, sector, IsLevyPayer: false, IsSme: true)
        {
            Sites = [new EmployerSite("main", "Riverside", "TS18 1AB")],
        });
        return id;
    }

    public static async Task<string> VacancyAsync(this PagesApp app, string employerId, string role = "Care assistant")
    {
        var posted = await app.Api.PostAsJsonAsync("/api/vacancies", new
        {
            employerId, role, siteId = "main", hoursPerWeek = 37.5m, pay = 12.60m, payPeriod = "Hourly",
            closingDate = app.Today().AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), positions = 2,
        });
        posted.EnsureSuccessStatusCode();
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A candidate who confirmed their interest (as through their link), interested in <paramref name="sector"/>.</summary>
    public static async Task<string> EngagedAsync(this PagesApp app, string given, string family, string sector)
    {
        var enrolled = await app.Api.PostAsJsonAsync("/api/candidates", new
        {
            givenName = given, familyName = family, email = $"{given.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org", postcode = "TS18 2CD",
            dateOfBirth = "2002-02-11", source = "SelfReferral", consent = true, lawfulBasis = "Public task", advisorId = "advisor-1",
        });
        enrolled.EnsureSuccessStatusCode();
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await UntilStageAsync(app, id, "AwaitingInterest");
        await app.Services.GetRequiredService<IWorkflows>().AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-confirmed", default);
        await UntilStageAsync(app, id, "Engaged");
        (await app.Api.PutAsJsonAsync($"/api/candidates/{id}/interests", new { sectors = new[] { sector } })).EnsureSuccessStatusCode();
        return id;
    }

    public static async Task PutForwardAsync(this PagesApp app, string vacancyId, string candidateId, string note) =>
        (await app.Api.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId, note })).EnsureSuccessStatusCode();

    private static async Task UntilStageAsync(PagesApp app, string id, string stage)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            var now = (await app.Api.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("stage").GetString();
            if (now == stage) return;
            Assert.True(DateTime.UtcNow < deadline, $"{id} is {now}, not {stage}, after 60 s");
        }
    }
}
