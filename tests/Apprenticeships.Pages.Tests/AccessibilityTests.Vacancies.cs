using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>The vacancy pages and the employer portal, in the states that matter, audited like every other page.</summary>
public partial class AccessibilityTests
{
    [BrowserFact]
    public async Task Vacancy_and_employer_portal_pages_have_no_serious_violations()
    {
        var employerId = await app.EmployerAsync("Axe Care Homes");
        var vacancyId = await app.VacancyAsync(employerId);
        var candidate = await app.EngagedAsync("Ines", "Barros", "Adult social care");
        var axe = new Axe();

        var admin = await app.SignedInPageAsync("carys", bypassCsp: true);
        await admin.GotoAsync("/vacancies/employer-keys");
        await axe.CheckAsync(admin, "Employers' portal keys");
        await admin.Locator($"form[action='/vacancies/employer-keys/{employerId}'] button").ClickAsync();
        await Assertions.Expect(admin.Locator("#employer-key")).ToBeVisibleAsync();
        var key = await admin.Locator("#employer-key").InnerTextAsync();
        await axe.CheckAsync(admin, "Employer portal key issued");

        var advisor = await app.SignedInPageAsync("amara", bypassCsp: true);
        await advisor.GotoAsync("/vacancies");
        await axe.CheckAsync(advisor, "Vacancies");
        await advisor.GotoAsync($"/vacancies?open=true&employerId={employerId}");
        await axe.CheckAsync(advisor, "Vacancies, filtered");
        await advisor.GotoAsync("/vacancies/new");
        await axe.CheckAsync(advisor, "Post a vacancy: choose the employer");
        await advisor.GotoAsync($"/vacancies/new?employerId={employerId}");
        await axe.CheckAsync(advisor, "Post a vacancy");
        await SubmitAsync(advisor, "Post vacancy");
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Post a vacancy with errors");
        await advisor.GotoAsync($"/vacancies/{vacancyId}");
        await Assertions.Expect(advisor.Locator($"#matches tr[data-candidate='{candidate}']")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Vacancy with matches");
        await advisor.Locator($"#matches tr[data-candidate='{candidate}']").GetByRole(AriaRole.Button, new() { Name = "Put forward" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#put-forward-result")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Vacancy with someone put forward");
        await advisor.GotoAsync($"/vacancies/{vacancyId}/people/{candidate}");
        await axe.CheckAsync(advisor, "Decision");
        await SubmitAsync(advisor, "Record decision");
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Decision with errors");
        await advisor.GotoAsync($"/vacancies/{vacancyId}/edit");
        await axe.CheckAsync(advisor, "Vacancy edit");
        await advisor.GotoAsync($"/candidates/{candidate}/interests");
        await axe.CheckAsync(advisor, "Sector interests");
        await advisor.GotoAsync("/vacancies/v-nobody");
        await axe.CheckAsync(advisor, "Vacancy not found");

        var employer = await app.AuditContextAsync();
        await employer.GotoAsync("/employer/sign-in");
        await axe.CheckAsync(employer, "Employer sign-in");
        await employer.GetByLabel("Employer key").FillAsync("nobody.not-a-key");
        await SubmitAsync(employer, "Sign in");
        await Assertions.Expect(employer.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(employer, "Employer sign-in with an error");
        await employer.GetByLabel("Employer key").FillAsync(key);
        await SubmitAsync(employer, "Sign in");
        await Assertions.Expect(employer.Locator("h1")).ToHaveTextAsync("Your vacancies");
        await axe.CheckAsync(employer, "Employer portal: vacancies");
        await employer.GotoAsync("/employer/vacancies/new");
        await axe.CheckAsync(employer, "Employer portal: post a vacancy");
        await SubmitAsync(employer, "Post vacancy");
        await Assertions.Expect(employer.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(employer, "Employer portal: post a vacancy with errors");
        await employer.GotoAsync($"/employer/vacancies/{vacancyId}");
        await axe.CheckAsync(employer, "Employer portal: a vacancy with someone put forward");
        await employer.GotoAsync($"/employer/vacancies/{vacancyId}/people/{candidate}");
        await employer.GetByLabel("Invite to interview").CheckAsync();
        await SubmitAsync(employer, "Record decision");
        await Assertions.Expect(employer.Locator("#decision-result")).ToBeVisibleAsync();
        await axe.CheckAsync(employer, "Employer portal: decision recorded");
        await employer.GotoAsync("/employer/vacancies/v-nobody");
        await axe.CheckAsync(employer, "Employer portal: vacancy not found");

        axe.AssertClean();
    }
}
