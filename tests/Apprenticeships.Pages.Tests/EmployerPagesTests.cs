using System.Globalization;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// The employer pages in the browser: an administrator adds an employer with a site and a contact;
/// an advisor records it joining the hub's employer scheme and logs a one-to-one support session,
/// a form left empty being refused beside its fields; the administrator erases the contact.
/// </summary>
public class EmployerPagesTests(PagesApp app) : IClassFixture<PagesApp>
{
    [BrowserFact]
    public async Task An_administrator_adds_an_employer_and_an_advisor_logs_a_support_session()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var admin = await app.SignedInPageAsync("carys");
        await admin.GotoAsync("/employers");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add an employer" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add employer" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Name is required.");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync($"Hollybush Care {tag}");
        await admin.GetByLabel("Sector", new() { Exact = true }).FillAsync("Adult care");
        await admin.GetByLabel("No", new() { Exact = true }).First.CheckAsync();
        await admin.GetByLabel("Sites (optional)").FillAsync("Hollybush House, wr1 2ab");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add employer" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Employer added");
        await Assertions.Expect(admin.Locator("#sites")).ToContainTextAsync("WR1 2AB");
        var employerPath = new Uri(admin.Url).AbsolutePath;

        await admin.GetByRole(AriaRole.Link, new() { Name = "Add a contact" }).ClickAsync();
        await admin.GetByLabel("Full name").FillAsync($"Morgan Reed {tag}");
        await admin.GetByLabel("Role").FillAsync("Registered manager");
        await admin.GetByLabel("Email").FillAsync($"morgan.{tag}@hollybush.example");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#contacts")).ToContainTextAsync($"Morgan Reed {tag}");

        // The advisor sees the employer in the list, not yet a member, and records it joining.
        var advisor = await app.SignedInPageAsync("amara");
        await advisor.GotoAsync("/employers");
        await Assertions.Expect(advisor.Locator("#employers tr", new() { HasText = $"Hollybush Care {tag}" })).ToContainTextAsync("Not a member");
        await advisor.GetByRole(AriaRole.Link, new() { Name = $"Hollybush Care {tag}" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Link, new() { Name = "Edit this employer" })).ToHaveCountAsync(0);
        await FillDateAsync(advisor, "joinDate", today.AddDays(-30));
        await advisor.GetByLabel("Recruitment support").CheckAsync();
        await advisor.GetByLabel("Retention support").CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Record joining" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToContainTextAsync("Joining the scheme recorded");
        await Assertions.Expect(advisor.Locator("#membership")).ToContainTextAsync("Recruitment support, Retention support");

        // A session form left empty is refused beside its fields; filled in, the session is in the history.
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#sessionDate-error")).ToContainTextAsync("Session date is required.");
        await Assertions.Expect(advisor.Locator("#topic-error")).ToContainTextAsync("Topic is required.");
        await FillDateAsync(advisor, "sessionDate", today.AddDays(-1));
        await advisor.GetByLabel("Topic").FillAsync("Keeping new starters through winter");
        await advisor.GetByLabel("Note (optional)").FillAsync("Agreed a buddy scheme for night shifts.");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToContainTextAsync("Support session recorded");
        await Assertions.Expect(advisor.Locator("#sessions")).ToContainTextAsync("Keeping new starters through winter");
        await Assertions.Expect(advisor.Locator("#sessions")).ToContainTextAsync(today.AddDays(-1).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));

        // The administrator erases the contact on request.
        await admin.GotoAsync(employerPath);
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Erase Morgan Reed {tag}" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Contact erased");
        await Assertions.Expect(admin.Locator("#contacts")).ToContainTextAsync("No contacts recorded.");
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"#{name}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{name}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{name}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
