using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// Vacancies in a real browser: an employer signs in with the key an administrator issued, posts a
/// vacancy and records a decision about someone the hub put forward; an advisor sees who matches a
/// vacancy and puts one of them forward.
/// </summary>
public class VacancyPagesTests(PagesApp app) : IClassFixture<PagesApp>
{
    [BrowserFact]
    public async Task An_employer_signs_in_posts_a_vacancy_and_records_a_decision()
    {
        var employerId = await app.EmployerAsync($"Willow Care {Guid.NewGuid():N}"[..20]);
        var admin = await app.SignedInPageAsync("carys");
        await admin.GotoAsync("/vacancies/employer-keys");
        await admin.Locator($"form[action='/vacancies/employer-keys/{employerId}'] button").ClickAsync();
        var key = await admin.Locator("#employer-key").InnerTextAsync();

        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var employer = await context.NewPageAsync();
        await employer.GotoAsync("/employer");
        Assert.Equal("Employer sign-in", await employer.Locator("h1").InnerTextAsync());
        await employer.GetByLabel("Employer key").FillAsync(key);
        await employer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("Your vacancies", await employer.Locator("h1").InnerTextAsync());

        await employer.GetByRole(AriaRole.Button, new() { Name = "Post a vacancy" }).ClickAsync();
        await employer.GetByLabel("Role").FillAsync("Senior carer");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Post vacancy" }).ClickAsync();
        await Assertions.Expect(employer.Locator(".govuk-error-summary")).ToContainTextAsync("Hours per week is required.");
        await employer.GetByLabel("Site").SelectOptionAsync("main");
        await employer.GetByLabel("Hours per week").FillAsync("37.5");
        await employer.GetByLabel("Pay, in pounds").FillAsync("13.10");
        await employer.GetByLabel("Hourly rate").CheckAsync();
        var closes = app.Today().AddDays(21);
        await employer.GetByLabel("Day").FillAsync(closes.Day.ToString());
        await employer.GetByLabel("Month").FillAsync(closes.Month.ToString());
        await employer.GetByLabel("Year").FillAsync(closes.Year.ToString());
        await employer.GetByLabel("Number of positions").FillAsync("1");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Post vacancy" }).ClickAsync();
        await Assertions.Expect(employer.Locator("#posted-result")).ToContainTextAsync("Vacancy posted");
        var vacancyId = new Uri(employer.Url).AbsolutePath.Split('/').Last();

        var candidate = await app.EngagedAsync("Noor", "Haddad", "Adult social care");
        await app.PutForwardAsync(vacancyId, candidate, "Two years caring for a relative");
        await employer.ReloadAsync();
        var row = employer.Locator("#put-forwards tr", new() { HasText = "Noor Haddad" });
        await Assertions.Expect(row).ToContainTextAsync("Two years caring for a relative");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await employer.GetByLabel("Invite to interview").CheckAsync();
        await employer.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(employer.Locator("#decision-result")).ToContainTextAsync("Decision recorded for Noor Haddad: Interview");
        await employer.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "employer-vacancy.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task An_advisor_sees_who_matches_a_vacancy_and_puts_a_candidate_forward()
    {
        var sector = $"Logistics {Guid.NewGuid():N}"[..18];
        var vacancyId = await app.VacancyAsync(await app.EmployerAsync("Harbour Freight", sector), "Warehouse operative");
        var candidate = await app.EngagedAsync("Tomas", "Novak", sector);

        var advisor = await app.SignedInPageAsync("amara");
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Vacancies", Exact = true }).ClickAsync();
        Assert.Equal("Vacancies", await advisor.Locator("h1").InnerTextAsync());
        await advisor.GotoAsync($"/vacancies/{vacancyId}");
        var match = advisor.Locator("#matches tr", new() { HasText = "Tomas Novak" });
        await Assertions.Expect(match).ToBeVisibleAsync();
        await match.GetByLabel("Note for the employer (optional)").FillAsync("Forklift licence");
        await match.GetByRole(AriaRole.Button, new() { Name = "Put forward" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#put-forward-result")).ToContainTextAsync("Tomas Novak is put forward");
        await Assertions.Expect(advisor.Locator("#put-forwards")).ToContainTextAsync("Forklift licence");
        await Assertions.Expect(advisor.Locator($"#matches tr[data-candidate='{candidate}']")).ToHaveCountAsync(0);
        await advisor.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "vacancy.png"), FullPage = true });
    }
}
