using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// axe-core on every kind of page, as each person who uses it sees it, in the states that matter
/// (a form with its errors, a banner after saving): no serious or critical violation anywhere.
/// Each test lists every finding of every page it audits before it fails, with the rule, its help
/// and the elements' selectors.
/// </summary>
public partial class AccessibilityTests(PagesApp app) : IClassFixture<PagesApp>
{
    [BrowserFact]
    public async Task The_audit_finds_a_serious_violation_when_a_page_has_one()
    {
        var axe = new Axe();
        var page = await app.AuditContextAsync();
        await page.GotoAsync("/sign-in");
        // An image without a text alternative and a field without a label, put on the page by hand.
        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img'); img.src = '/assets/nothing.png'; document.querySelector('main').append(img);
              const input = document.createElement('input'); input.id = 'unlabelled'; document.querySelector('main').append(input);
            }
            """);
        await axe.CheckAsync(page, "Sign-in, spoilt");
        Assert.Contains(axe.Findings, f => f.Contains("image-alt", StringComparison.Ordinal) && f.Contains("[critical]", StringComparison.Ordinal));
        Assert.Contains(axe.Findings, f => f.Contains("label", StringComparison.Ordinal) && f.Contains("#unlabelled", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Sign_in_candidate_link_and_error_pages_have_no_serious_violations()
    {
        var axe = new Axe();
        var page = await app.AuditContextAsync();

        await page.GotoAsync("/sign-in");
        await axe.CheckAsync(page, "Staff sign-in");
        await SubmitAsync(page, "Sign in");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Staff sign-in with an error");

        await page.GotoAsync("/provider/sign-in");
        await axe.CheckAsync(page, "Provider sign-in");
        await page.GetByLabel("API key").FillAsync("nobody.not-a-key");
        await SubmitAsync(page, "Sign in");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Provider sign-in with an error");

        await page.GotoAsync("/signed-out");
        await axe.CheckAsync(page, "Signed out");

        // A candidate's link: the question, the answer, and a link that has been tampered with.
        var (_, link) = await EnrolWithLinkAsync("Nadia", "Okonjo");
        await page.GotoAsync(link);
        await axe.CheckAsync(page, "Candidate link: the question");
        await page.Locator("main button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you");
        await axe.CheckAsync(page, "Candidate link: answered");
        await page.GotoAsync(link[..^3] + "xyz");
        await axe.CheckAsync(page, "Candidate link: altered");

        var finance = await app.SignedInPageAsync("ben", bypassCsp: true);
        await finance.GotoAsync("/candidates");
        await Assertions.Expect(finance.Locator("h1")).ToHaveTextAsync("You cannot see this page");
        await axe.CheckAsync(finance, "Forbidden");
        await finance.GotoAsync("/candidates/c-nobody");
        await axe.CheckAsync(finance, "Forbidden candidate");
        var advisor = await app.SignedInPageAsync("amara", bypassCsp: true);
        await advisor.GotoAsync("/candidates/c-nobody");
        await Assertions.Expect(advisor.Locator("h1")).ToHaveTextAsync("Candidate not found");
        await axe.CheckAsync(advisor, "Candidate not found");

        axe.AssertClean();
    }

    [BrowserFact]
    public async Task Advisor_pages_have_no_serious_violations()
    {
        var demo = await app.DemoHubAsync();
        var academyId = demo.GetProperty("academyId").GetString()!;
        var cohortId = demo.GetProperty("cohortId").GetString()!;
        var member = Branch(demo, "academy");
        var inWork = Branch(demo, "job");
        var (engaged, link) = await EnrolWithLinkAsync("Omar", "Haddad");
        var axe = new Axe();
        var page = await app.SignedInPageAsync("amara", bypassCsp: true);

        await page.GotoAsync("/");
        await axe.CheckAsync(page, "Pipeline board");
        await page.GotoAsync("/candidates");
        await axe.CheckAsync(page, "Candidate list");
        await page.GotoAsync("/candidates?stage=InSwap&q=Demo");
        await axe.CheckAsync(page, "Candidate list, filtered");

        await page.GotoAsync("/candidates/new");
        await axe.CheckAsync(page, "Enrol");
        await SubmitAsync(page, "Enrol candidate");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Enrol with errors");

        await page.GotoAsync($"/candidates/{member}");
        await axe.CheckAsync(page, "Candidate on an academy");
        await page.GotoAsync(link);
        await page.Locator("main button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you");
        await UntilStageAsync(engaged, "Engaged");
        await page.GotoAsync($"/candidates/{engaged}");
        await axe.CheckAsync(page, "Engaged candidate, with the assign form");
        await SubmitAsync(page, "Withdraw candidate");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Candidate withdrawal with an error");

        await page.GotoAsync($"/candidates/{engaged}/job-start");
        await axe.CheckAsync(page, "Job start");
        await SubmitAsync(page, "Record job start");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Job start with errors");
        await page.GotoAsync($"/candidates/{inWork}/sustainment");
        await axe.CheckAsync(page, "Sustainment checks");
        await page.GotoAsync($"/candidates/{member}/job-start");
        await axe.CheckAsync(page, "Job start for a candidate who cannot start one");

        await page.GotoAsync("/academies");
        await axe.CheckAsync(page, "Academies");
        await page.GotoAsync($"/academies/{academyId}");
        await axe.CheckAsync(page, "Academy");
        await page.GotoAsync($"/academies/{academyId}/attendance");
        await axe.CheckAsync(page, "Attendance: choose a session");
        await SubmitAsync(page, "Continue");
        await axe.CheckAsync(page, "Attendance: choose a session, with an error");
        await page.GotoAsync($"/academies/{academyId}");
        await page.Locator("#sessions a").First.ClickAsync();
        await axe.CheckAsync(page, "Attendance register");
        await SubmitAsync(page, "Save attendance");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Attendance register with errors");
        await page.GotoAsync($"/candidates/{member}/academy-outcome");
        await axe.CheckAsync(page, "Academy outcome");
        await SubmitAsync(page, "Record outcome");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Academy outcome with errors");

        await page.GotoAsync("/cohorts");
        await axe.CheckAsync(page, "Cohorts");
        await page.GotoAsync($"/cohorts/{cohortId}");
        await axe.CheckAsync(page, "Cohort");

        var careId = demo.GetProperty("careEmployerId").GetString()!;
        await page.GotoAsync("/employers");
        await axe.CheckAsync(page, "Employers");
        await page.GotoAsync($"/employers/{careId}");
        await axe.CheckAsync(page, "Employer, a member, with the session, event and leaving forms");
        await SubmitAsync(page, "Log session");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Employer with a support session's errors");
        await page.GotoAsync($"/employers/{demo.GetProperty("employerId").GetString()}");
        await axe.CheckAsync(page, "Employer, never a member, with the joining form");
        await SubmitAsync(page, "Record joining");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Employer with joining's errors");
        await page.GotoAsync("/employers/nobody");
        await axe.CheckAsync(page, "Employer not found");

        await page.GotoAsync("/reports/outcomes");
        await axe.CheckAsync(page, "Outcome report");
        await page.GotoAsync("/reports/outcomes?from=2030-01-01&to=2020-01-01");
        await axe.CheckAsync(page, "Outcome report with an error");

        await page.GotoAsync("/dev/outbox");
        await axe.CheckAsync(page, "Dev outbox");
        await page.GotoAsync("/dev/clock");
        await axe.CheckAsync(page, "Dev clock");
        await page.GetByLabel("Move forward by (days)").FillAsync("many");
        await SubmitAsync(page, "Move the clock");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "Dev clock with an error");

        axe.AssertClean();
    }

    [BrowserFact]
    public async Task Administration_and_finance_pages_have_no_serious_violations()
    {
        var demo = await app.DemoHubAsync();
        var academyId = demo.GetProperty("academyId").GetString()!;
        var cohortId = demo.GetProperty("cohortId").GetString()!;
        var employerId = demo.GetProperty("employerId").GetString()!;
        var axe = new Axe();
        var admin = await app.SignedInPageAsync("carys", bypassCsp: true);

        await admin.GotoAsync("/providers");
        await axe.CheckAsync(admin, "Providers");
        await SubmitAsync(admin, "Register and issue a key");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "Providers with errors");
        await admin.GetByLabel("Provider id").FillAsync($"axe-skills-{Guid.NewGuid():N}"[..20]);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Axe Skills");
        await SubmitAsync(admin, "Register and issue a key");
        await Assertions.Expect(admin.Locator("#issued-key")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "Providers with a key issued");

        await admin.GotoAsync("/advisors");
        await axe.CheckAsync(admin, "Advisors");
        await SubmitAsync(admin, "Add advisor");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "Advisors with errors");
        var advisorId = $"advisor-{Guid.NewGuid():N}"[..20];
        await admin.GetByLabel("Staff id").FillAsync(advisorId);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Priya Shah");
        await admin.GetByLabel("Email", new() { Exact = false }).FillAsync("priya.shah@example.org");
        await SubmitAsync(admin, "Add advisor");
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "Advisors with one saved");
        await admin.GotoAsync($"/advisors/{advisorId}/edit");
        await axe.CheckAsync(admin, "Advisor edit");

        await admin.GotoAsync("/academies/new");
        await axe.CheckAsync(admin, "New academy");
        await SubmitAsync(admin, "Create academy");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "New academy with errors");
        await admin.GotoAsync($"/academies/{academyId}/edit");
        await axe.CheckAsync(admin, "Academy edit");
        await admin.GotoAsync("/cohorts/new");
        await axe.CheckAsync(admin, "New cohort");
        await SubmitAsync(admin, "Create cohort");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "New cohort with errors");
        await admin.GotoAsync($"/cohorts/{cohortId}/edit");
        await axe.CheckAsync(admin, "Cohort edit");

        var careId = demo.GetProperty("careEmployerId").GetString()!;
        await admin.GotoAsync("/employers/new");
        await axe.CheckAsync(admin, "New employer");
        await SubmitAsync(admin, "Add employer");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "New employer with errors");
        await admin.GotoAsync($"/employers/{careId}/edit");
        await axe.CheckAsync(admin, "Employer edit");
        await admin.GotoAsync($"/employers/{careId}");
        await axe.CheckAsync(admin, "Employer as an administrator sees it, with contacts to erase");
        await admin.GotoAsync($"/employers/{careId}/contacts/new");
        await axe.CheckAsync(admin, "New contact");
        await SubmitAsync(admin, "Add contact");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await axe.CheckAsync(admin, "New contact with errors");

        var finance = await app.SignedInPageAsync("ben", bypassCsp: true);
        await axe.CheckAsync(finance, "Levy accounts");
        await finance.GotoAsync($"/finance/employers/{employerId}");
        await Assertions.Expect(finance.Locator("svg.app-chart rect").First).ToBeAttachedAsync();
        await axe.CheckAsync(finance, "Levy account with its chart");
        await finance.GotoAsync("/reports/outcomes");
        await axe.CheckAsync(finance, "Outcome report for finance");

        axe.AssertClean();
    }

    [BrowserFact]
    public async Task Provider_portal_pages_have_no_serious_violations()
    {
        var demo = await app.DemoHubAsync();
        var key = demo.GetProperty("providers")[0].GetProperty("apiKey").GetString()!;
        var learner = Branch(demo, "cohort");
        var member = Branch(demo, "academy");
        var axe = new Axe();
        var page = await app.AuditContextAsync();
        await page.GotoAsync("/provider/sign-in");
        await page.GetByLabel("API key").FillAsync(key);
        await SubmitAsync(page, "Sign in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your learners");
        await Assertions.Expect(page.Locator("#learners tr", new() { HasText = learner })).ToContainTextAsync("Training starts");
        await axe.CheckAsync(page, "Provider portal: learners, the cohort not started");
        await page.GotoAsync($"/provider/learners/{learner}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Their training starts on");
        await axe.CheckAsync(page, "Provider portal: a learner waiting for the cohort");

        // Past the cohort's start, so the portal has learners in training as well as on the academy.
        (await app.Api.PostAsJsonAsync("/api/dev/clock/advance", new { by = "P30D" })).EnsureSuccessStatusCode();
        await UntilStageAsync(learner, "InTraining");
        await page.GotoAsync("/provider");
        await axe.CheckAsync(page, "Provider portal: learners");

        await page.GotoAsync($"/provider/learners/{member}");
        await axe.CheckAsync(page, "Provider portal: an academy member");
        await page.GotoAsync($"/provider/learners/{learner}");
        await axe.CheckAsync(page, "Provider portal: a learner in training");
        foreach (var (kind, who) in new[] { ("attendance", member), ("milestone", learner), ("hours", learner), ("gateway", learner), ("epa-result", learner), ("break", learner), ("return", learner) })
        {
            await page.GotoAsync($"/provider/learners/{who}/{kind}");
            await axe.CheckAsync(page, $"Provider portal: the {kind} form");
            await SubmitAsync(page, "Send confirmation");
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await axe.CheckAsync(page, $"Provider portal: the {kind} form with errors");
        }
        await page.GotoAsync($"/provider/learners/{member}/attendance");
        await page.GetByLabel("Yes").CheckAsync();
        await page.Locator("input[name=date]").First.CheckAsync();
        await SubmitAsync(page, "Send confirmation");
        await Assertions.Expect(page.Locator("#confirmation-result")).ToContainTextAsync("Recorded: attendance at a session");
        await axe.CheckAsync(page, "Provider portal: recorded");
        await page.GotoAsync("/provider/learners/c-nobody");
        await axe.CheckAsync(page, "Provider portal: learner not found");

        axe.AssertClean();
    }

    private static string Branch(JsonElement demo, string start) =>
        demo.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("branch").GetString()!.StartsWith(start, StringComparison.Ordinal)).GetProperty("id").GetString()!;

    private static Task SubmitAsync(IPage page, string button) =>
        page.Locator("main").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>Enrols a candidate through the API and reads the confirm link from their welcome email.</summary>
    private async Task<(string Id, string Link)> EnrolWithLinkAsync(string given, string family)
    {
        var email = $"{given.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var enrolled = await app.Api.PostAsJsonAsync("/api/candidates", new
        {
            givenName = given, familyName = family, email, postcode = "WR1 2AB", dateOfBirth = "2003-06-14",
            source = "SelfReferral", consent = true, lawfulBasis = "Public task", advisorId = "advisor-1",
        });
        enrolled.EnsureSuccessStatusCode();
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            var outbox = await app.Api.GetFromJsonAsync<JsonElement>("/api/dev/outbox");
            var welcome = outbox.EnumerateArray().FirstOrDefault(m => m.GetProperty("to").GetString() == email);
            if (welcome.ValueKind == JsonValueKind.Object)
                return (id, LinkPath().Match(welcome.GetProperty("text").GetString()!).Groups[1].Value);
            Assert.True(DateTime.UtcNow < deadline, $"no welcome email to {email} within 60 s");
        }
    }

    private async Task UntilStageAsync(string id, string stage)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            var now = (await app.Api.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("stage").GetString();
            if (now == stage) return;
            Assert.True(DateTime.UtcNow < deadline, $"{id} is {now}, not {stage}, after 60 s");
        }
    }

    [GeneratedRegex(@"https?://[^/\s]+(/l/\S+)")]
    private static partial Regex LinkPath();
}
