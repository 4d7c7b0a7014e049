using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// An advisor's day in the browser, pages only and with JavaScript off: enrol two candidates, put
/// them on an academy, take the session's register for both, record one's outcome with a job offer
/// and their job start, then (the demo clock moved on) the 13- and 26-week sustainment checks, until
/// the candidate's page says they completed. An administrator sets the academy up first, also on pages.
/// </summary>
public partial class AdvisorDayPagesTests(PagesApp app) : IClassFixture<PagesApp>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [BrowserFact]
    public async Task An_advisor_takes_a_candidate_from_enrolment_through_an_academy_to_26_weeks_in_work()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tag = Guid.NewGuid().ToString("N")[..6];

        // The administrator registers a provider and creates an academy, a session tomorrow and the day after.
        var admin = await app.SignedInPageAsync("carys");
        var providerId = $"warehouse-skills-{tag}";
        await admin.GotoAsync("/providers");
        await admin.GetByLabel("Provider id").FillAsync(providerId);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Warehouse Skills");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register and issue a key" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#issued-key")).ToBeVisibleAsync();

        // The employer the academy is built around: one record, which the job start will name too.
        var employerId = $"severn-logistics-{tag}";
        await admin.GotoAsync("/employers/new");
        await admin.GetByLabel("Employer id (optional)").FillAsync(employerId);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Severn Logistics");
        await admin.GetByLabel("Sector", new() { Exact = true }).FillAsync("Logistics");
        await admin.GetByLabel("Yes, it pays the levy").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add employer" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Employer added");

        await admin.GotoAsync("/academies");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create an academy" }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Warehouse Academy");
        await admin.GetByLabel("Employer", new() { Exact = true }).SelectOptionAsync(employerId);
        await admin.GetByLabel("Sector", new() { Exact = true }).FillAsync("Logistics");
        await admin.GetByLabel("Training provider").SelectOptionAsync(providerId);
        await admin.GetByLabel("Place", new() { Exact = true }).FillAsync("Unit 4, Shrub Hill");
        await admin.GetByLabel("Session dates").FillAsync($"{today.AddDays(1):d/M/yyyy}\n{today.AddDays(2):d/M/yyyy}");
        await FillDateAsync(admin, "placementStart", today.AddDays(3));
        await FillDateAsync(admin, "placementEnd", today.AddDays(10));
        await FillDateAsync(admin, "interviewDate", today.AddDays(12));
        await admin.GetByLabel("Cost per place in pounds (optional)").FillAsync("450.00");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create academy" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Academy created");
        var academyPath = new Uri(admin.Url).AbsolutePath;
        var academyId = academyPath.Split('/')[^1];

        // The advisor, in a browser with no JavaScript, enrols two candidates; each confirms interest from their welcome email.
        var advisor = await app.SignedInPageAsync("amara", javaScript: false);
        var zara = await EnrolAsync(advisor, "Zara", "Ahmed", tag);
        var ben = await EnrolAsync(advisor, "Ben", "Okoro", tag);
        foreach (var (path, email) in new[] { zara, ben })
        {
            await ConfirmInterestAsync(advisor, email);
            await EventuallyAsync(advisor, path, async () => (await advisor.Locator("#stage").InnerTextAsync()).Contains("Engaged"));
            await advisor.GetByLabel("Academy or cohort").SelectOptionAsync($"academy:{academyId}");
            await advisor.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
            await Assertions.Expect(advisor.Locator("#stage")).ToContainTextAsync("On an academy");
        }

        // The register for tomorrow's session: both members on one form. Ben left unanswered is refused, beside his name.
        await advisor.GotoAsync(academyPath);
        await Assertions.Expect(advisor.Locator("#members")).ToContainTextAsync("Zara Ahmed");
        await Assertions.Expect(advisor.Locator("#members")).ToContainTextAsync("Ben Okoro");
        await advisor.GetByRole(AriaRole.Link, new() { Name = $"Record attendance for {today.AddDays(1).ToString("d MMMM yyyy", EnGb)}" }).ClickAsync();
        await advisor.GetByRole(AriaRole.Group, new() { Name = "Zara Ahmed" }).GetByLabel("Attended").CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether Ben Okoro attended.");
        await Assertions.Expect(advisor.GetByRole(AriaRole.Group, new() { Name = "Ben Okoro" }).Locator(".govuk-error-message")).ToContainTextAsync("Select whether Ben Okoro attended.");
        await Assertions.Expect(advisor.GetByRole(AriaRole.Group, new() { Name = "Zara Ahmed" }).GetByLabel("Attended")).ToBeCheckedAsync();
        await advisor.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "register-error.png"), FullPage = true });
        await advisor.GetByRole(AriaRole.Group, new() { Name = "Ben Okoro" }).GetByLabel("Absent").CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToContainTextAsync("Attendance saved");
        await Assertions.Expect(advisor.Locator("#members")).ToContainTextAsync($"Attended the session on {today.AddDays(1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}");
        await Assertions.Expect(advisor.Locator("#members")).ToContainTextAsync($"Missed the session on {today.AddDays(1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}");

        // Zara's interview went well: a job offer.
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Record outcome for Zara Ahmed" }).ClickAsync();
        await advisor.GetByLabel("Completed, and the interview was successful").CheckAsync();
        await advisor.GetByLabel("A job", new() { Exact = true }).CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToContainTextAsync("Outcome recorded for Zara Ahmed");
        await advisor.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "academy.png"), FullPage = true });

        // Her academy over, the journey makes her engaged again; the advisor records the job start from her page.
        await EventuallyAsync(advisor, zara.Path, async () => (await advisor.Locator("#stage").InnerTextAsync()).Contains("Engaged"));
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Record a job start" }).ClickAsync();
        await Assertions.Expect(advisor.GetByLabel("Employer", new() { Exact = true })).ToHaveValueAsync(employerId);
        await advisor.Locator("#startDate").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await advisor.Locator("#startDate-year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Record job start" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#startDate-error")).ToContainTextAsync("Start date must include a day, month and year.");
        await FillDateAsync(advisor, "startDate", today);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Record job start" }).ClickAsync();
        await Assertions.Expect(advisor.Locator(".govuk-notification-banner")).ToContainTextAsync("Job start recorded");
        await Assertions.Expect(advisor.Locator("#stage")).ToContainTextAsync("In work");
        await Assertions.Expect(advisor.Locator("#next-check")).ToContainTextAsync($"The next check is due on {today.AddDays(91).ToString("d MMMM yyyy", EnGb)}");
        var sustainment = new Uri(advisor.Url).AbsolutePath;

        // Thirteen weeks on: the first check. Thirteen more: the second, and she has completed.
        foreach (var week in new[] { 13, 26 })
        {
            await MoveClockAsync(advisor, 91);
            await RecordCheckAsync(advisor, sustainment, week);
        }
        await advisor.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "sustainment.png"), FullPage = true });
        await EventuallyAsync(advisor, zara.Path, async () => (await advisor.Locator("#stage").InnerTextAsync()).Contains("Completed"));
        await Assertions.Expect(advisor.Locator("#timeline")).ToContainTextAsync("26-week sustainment check: still in work.");
        await advisor.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "candidate-completed.png"), FullPage = true });
    }

    private static async Task<(string Path, string Email)> EnrolAsync(IPage page, string given, string family, string tag)
    {
        var email = $"{given.ToLowerInvariant()}.{tag}@example.org";
        await page.GotoAsync("/candidates/new");
        await page.GetByLabel("First name").FillAsync(given);
        await page.GetByLabel("Last name").FillAsync(family);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Postcode").FillAsync("WR1 2AB");
        await FillDateAsync(page, "dateOfBirth", new DateOnly(2001, 6, 14));
        await page.GetByLabel("Jobcentre work coach").CheckAsync();
        await page.GetByLabel("The candidate agrees to the hub holding their details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol candidate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Candidate enrolled");
        return (new Uri(page.Url).AbsolutePath, email);
    }

    /// <summary>The candidate opens the confirm link in their welcome email (read from the dev outbox) in a browser of their own, and presses its button.</summary>
    private async Task ConfirmInterestAsync(IPage advisor, string email)
    {
        var welcome = advisor.Locator(".govuk-summary-card", new() { HasText = email }).Filter(new() { HasText = "Welcome" });
        await EventuallyAsync(advisor, "/dev/outbox", async () => await welcome.CountAsync() > 0);
        var text = await welcome.First.Locator("pre").InnerTextAsync();
        var confirm = LinkPath().Match(text);
        Assert.True(confirm.Success, text);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var candidate = await context.NewPageAsync();
        await candidate.GotoAsync(confirm.Value);
        await candidate.Locator("main button[type=submit]").First.ClickAsync();
        await Assertions.Expect(candidate.Locator("main")).ToContainTextAsync("Thank you");
        await context.CloseAsync();
    }

    private static async Task MoveClockAsync(IPage page, int days)
    {
        await page.GotoAsync("/dev/clock");
        var before = await page.Locator("#clock-now").InnerTextAsync();
        await page.GetByLabel("Move forward by (days)").FillAsync(days.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the clock" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clock-now")).Not.ToHaveTextAsync(before);
    }

    /// <summary>
    /// Answers the check "still in work". The sustainment workflow learns of the moved clock in the
    /// background; until it is waiting for the answer the page asks to try again, so this does.
    /// </summary>
    private static async Task RecordCheckAsync(IPage page, string path, int week)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            await page.GotoAsync(path);
            await page.GetByLabel($"{week}-week check, due", new() { Exact = false }).CheckAsync();
            await page.GetByLabel("Yes, still in work").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record check" }).ClickAsync();
            if (await page.Locator(".govuk-notification-banner").CountAsync() > 0) break;
            var problem = await page.Locator(".govuk-error-summary").InnerTextAsync();
            Assert.True(problem.Contains("try again in a moment") && DateTime.UtcNow < deadline, problem);
        }
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"{week}-week check recorded");
        await Assertions.Expect(page.Locator("#checks")).ToContainTextAsync("In work");
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"#{name}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{name}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{name}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reloads <paramref name="path"/> until the condition holds: workflows move on in the background.</summary>
    private static async Task EventuallyAsync(IPage page, string path, Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            await page.GotoAsync(path);
            if (await condition()) return;
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not change within 60 s:\n{await page.Locator("main").InnerTextAsync()}");
        }
    }

    [GeneratedRegex(@"/l/[A-Za-z0-9_\-.~%]+")]
    private static partial Regex LinkPath();
}
