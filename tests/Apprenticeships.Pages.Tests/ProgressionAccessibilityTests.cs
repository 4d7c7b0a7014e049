using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

public partial class AccessibilityTests
{
    [BrowserFact]
    public async Task In_work_progression_pages_have_no_serious_violations()
    {
        var employerId = $"axe-employer-{Guid.NewGuid():N}"[..24];
        await app.Services.GetRequiredService<EmployerStore>().AddAsync(employerId, new Employer(employerId, "Axe Care Homes", "Adult social care", IsLevyPayer: false, IsSme: true));
        await app.Services.GetRequiredService<EmployerContactStore>().SaveAsync(
            new EmployerContact($"ct-{employerId}", employerId, "Rhian Evans", "Registered manager", "rhian@axe-care.example", null, IsPrimary: true));
        var axe = new Axe();
        var advisor = await app.SignedInPageAsync("amara", bypassCsp: true);

        await advisor.GotoAsync($"/employers/{employerId}/progression");
        await Assertions.Expect(advisor.Locator("#no-participants")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Progression: nobody followed yet");
        await SubmitAsync(advisor, "Follow this member of staff");
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Progression: following someone, with errors");

        await advisor.GetByLabel("Name", new() { Exact = true }).FillAsync("Dylan Hughes");
        await advisor.GetByLabel("Job title").FillAsync("Senior carer");
        await SubmitAsync(advisor, "Follow this member of staff");
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Assertions.Expect(advisor.Locator("h1")).ToHaveTextAsync("Dylan Hughes");
        await axe.CheckAsync(advisor, "Person's progression, just followed");
        var person = advisor.Url;

        await SubmitAsync(advisor, "Record change");
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Person's progression: a pay change with errors");
        await advisor.GetByLabel("Training", new() { Exact = true }).FillAsync("Level 3 Diploma in Adult Care");
        await SubmitAsync(advisor, "Record training offered");
        await Assertions.Expect(advisor.Locator("#training")).ToBeVisibleAsync();
        await advisor.GetByLabel("Hourly pay before, in pounds").FillAsync("11.44");
        await advisor.GetByLabel("Hourly pay after, in pounds").FillAsync("12.10");
        await SubmitAsync(advisor, "Record change");
        await Assertions.Expect(advisor.Locator("#pay-changes")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Person's progression with training and a pay rise");

        await advisor.GotoAsync($"/employers/{employerId}/progression");
        await advisor.GetByLabel("Training needs").FillAsync("Dementia care\nMedication");
        await advisor.GetByLabel("Agreed plan").FillAsync("Two senior carers on the Level 3 diploma this year.");
        await SubmitAsync(advisor, "Record review");
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await SubmitAsync(advisor, "Record return");
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(advisor, "Progression with a review, a person, and a headcount return with errors");

        var admin = await app.SignedInPageAsync("carys", bypassCsp: true);
        await admin.GotoAsync(person);
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Erase name and job title" })).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "Person's progression as an administrator");

        axe.AssertClean();
    }
}
