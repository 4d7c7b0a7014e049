using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Functions.Tests.Security;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Http.Vacancies.VacancyHub;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>
/// The employer portal as employers use it: signed in with their key, they post vacancies, see the
/// people the hub put forward to them (name and note, no contact details) and record decisions;
/// another employer's vacancies are not found, and a new key ends a sign-in made with the old one.
/// </summary>
public class EmployerPortalPagesTests
{
    [Fact]
    public async Task An_employer_posts_a_vacancy_sees_who_is_put_forward_without_contact_details_and_records_a_decision()
    {
        await using var app = await AppAsync();
        var hub = app.CreateClient();
        var key = await SignIn.EmployerKeyAsync(app, "Acorn Care");
        var portal = await SignIn.AsEmployerAsync(app, key);

        var posted = await SignIn.PostFormAsync(portal, "/employer/vacancies/new", "/employer/vacancies/new", new()
        {
            ["role"] = "Night care assistant", ["siteId"] = "main", ["hoursPerWeek"] = "36", ["pay"] = "12.85", ["payPeriod"] = "Hourly",
            ["closingDate-day"] = Today(app).AddDays(21).Day.ToString(), ["closingDate-month"] = Today(app).AddDays(21).Month.ToString(),
            ["closingDate-year"] = Today(app).AddDays(21).Year.ToString(), ["positions"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var vacancyPath = posted.Headers.Location!.OriginalString.Split('?')[0];
        var vacancyId = vacancyPath.Split('/').Last();
        var vacancy = (await GetAsync(hub, vacancyId)).GetProperty("vacancy");
        Assert.Equal(key.Split('.')[0], vacancy.GetProperty("employerId").GetString());
        Assert.Equal("Adult social care", vacancy.GetProperty("sector").GetString());

        var candidate = await EngagedAsync(app, hub, "Portalson", "Adult social care");
        var email = (await hub.GetFromJsonAsync<JsonElement>($"/api/candidates/{candidate}")).GetProperty("email").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await hub.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate, note = "Has cared for her gran" })).StatusCode);

        var page = await portal.GetStringAsync(vacancyPath);
        Assert.Contains("Amira Portalson", page);
        Assert.Contains("Has cared for her gran", page);
        Assert.DoesNotContain(email, page);
        Assert.DoesNotContain("WR1 2AB", page);
        Assert.DoesNotContain("2004", page); // nor their date of birth

        var decided = await SignIn.PostFormAsync(portal, $"{vacancyPath}/people/{candidate}", $"{vacancyPath}/people/{candidate}", new() { ["decision"] = "Interview" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var person = Assert.Single((await GetAsync(hub, vacancyId)).GetProperty("putForwards").EnumerateArray());
        Assert.Equal("Interview", person.GetProperty("decision").GetString());
        Assert.Equal("Employer", person.GetProperty("decidedBy").GetString());

        // Not selected without a reason: the form says so and nothing changes.
        var refused = await SignIn.PostFormAsync(portal, $"{vacancyPath}/people/{candidate}", $"{vacancyPath}/people/{candidate}", new() { ["decision"] = "NotSelected" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Reason is required", await refused.Content.ReadAsStringAsync());
        Assert.Equal("Interview", Assert.Single((await GetAsync(hub, vacancyId)).GetProperty("putForwards").EnumerateArray()).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task An_employer_sees_only_its_own_vacancies_and_another_employers_is_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var hub = app.CreateClient();
        var ownKey = await SignIn.EmployerKeyAsync(app, "Acorn Care");
        var otherKey = await SignIn.EmployerKeyAsync(app, "Birch Homes");
        var own = await PostAsync(app, hub, ownKey.Split('.')[0]);
        var others = await PostAsync(app, hub, otherKey.Split('.')[0]);
        var portal = await SignIn.AsEmployerAsync(app, ownKey);

        var list = await portal.GetStringAsync("/employer");
        Assert.Contains($"/employer/vacancies/{own}", list);
        Assert.DoesNotContain(others, list);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/employer/vacancies/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/employer/vacancies/{others}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/employer/vacancies/{others}/people/c-anyone")).StatusCode);
        var close = await SignIn.PostFormAsync(portal, "/employer", $"/employer/vacancies/{others}/close", []);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal("Open", (await GetAsync(hub, others)).GetProperty("vacancy").GetProperty("status").GetString());

        // A new key for the employer ends the sign-in made with the old one.
        (await hub.PostAsync($"/api/employers/{ownKey.Split('.')[0]}/portal-key", null)).EnsureSuccessStatusCode();
        var after = await portal.GetAsync("/employer");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/employer/sign-in", after.Headers.Location!.PathAndQuery());
        var wrong = await SignIn.PostFormAsync(SignIn.Browser(app), "/employer/sign-in", "/employer/sign-in", new() { ["portalKey"] = ownKey });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
