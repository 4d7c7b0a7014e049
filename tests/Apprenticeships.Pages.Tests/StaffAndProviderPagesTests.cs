using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application;
using Apprenticeships.Application.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>The pages in a real browser: each role signs in, an advisor enrols and watches the board, finance downloads a statement, a provider confirms a milestone on the portal's short form.</summary>
public class StaffAndProviderPagesTests(PagesApp app) : IClassFixture<PagesApp>
{
    [BrowserFact]
    public async Task Each_role_signs_in_and_sees_its_own_part_of_the_service()
    {
        var advisor = await app.SignedInPageAsync("amara");
        Assert.Equal("Pipeline board", await advisor.Locator("h1").InnerTextAsync());
        await advisor.GotoAsync("/finance");
        Assert.Equal("You cannot see this page", await advisor.Locator("h1").InnerTextAsync());

        var finance = await app.SignedInPageAsync("ben");
        Assert.Equal("Levy accounts", await finance.Locator("h1").InnerTextAsync());
        await finance.GotoAsync("/candidates");
        Assert.Equal("You cannot see this page", await finance.Locator("h1").InnerTextAsync());

        var admin = await app.SignedInPageAsync("carys");
        Assert.Equal("Pipeline board", await admin.Locator("h1").InnerTextAsync());
        await admin.GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        Assert.Equal("Training providers", await admin.Locator("h1").InnerTextAsync());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You have signed out", await admin.Locator("h1").InnerTextAsync());
    }

    [BrowserFact]
    public async Task An_advisor_enrols_a_candidate_after_a_validation_error_and_watches_them_move_on_the_board()
    {
        var page = await app.SignedInPageAsync("amara");
        await page.GotoAsync("/candidates/new");
        await page.GetByLabel("First name").FillAsync("Zara");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol candidate" }).ClickAsync();

        // The error summary names each problem, takes focus (GOV.UK Frontend) and links to the field.
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the candidate's last name.");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the candidate's last name." }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Last name")).ToBeFocusedAsync();
        Assert.Equal("Zara", await page.GetByLabel("First name").InputValueAsync());

        await page.GetByLabel("Last name").FillAsync("Ahmed");
        await page.GetByLabel("Email address").FillAsync($"zara.{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Postcode").FillAsync("WR1 2AB");
        await page.GetByLabel("Day").FillAsync("9");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2004");
        await page.GetByLabel("Jobcentre work coach").CheckAsync();
        await page.GetByLabel("The candidate agrees to the hub holding their details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol candidate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Candidate enrolled");
        var candidatePath = new Uri(page.Url).AbsolutePath;

        await Eventually(page, candidatePath, async () => (await page.Locator("#stage").InnerTextAsync()).Contains("Awaiting interest"));
        await page.GotoAsync("/");
        var noResponseBefore = await CountAsync(page, "NoResponse");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "board.png"), FullPage = true });

        // Fifteen days without an answer: the journey closes the candidate as no response.
        await page.GotoAsync("/dev/clock");
        await page.GetByLabel("Move forward by (days)").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the clock" }).ClickAsync();
        await Eventually(page, "/", async () => await CountAsync(page, "NoResponse") > noResponseBefore);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "board-after-clock.png"), FullPage = true });

        await page.GotoAsync(candidatePath);
        await Assertions.Expect(page.Locator("#stage")).ToContainTextAsync("No response");
        await Assertions.Expect(page.Locator("#timeline")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "candidate.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task A_finance_officer_sees_the_account_chart_and_downloads_the_statement()
    {
        var demo = await app.DemoHubAsync();
        var employerId = demo.GetProperty("employerId").GetString()!;
        var page = await app.SignedInPageAsync("ben");
        await page.GotoAsync($"/finance/employers/{employerId}");
        Assert.Equal("Demo County Council", await page.Locator("h1").InnerTextAsync());
        await Assertions.Expect(page.Locator("svg.app-chart rect").First).ToBeAttachedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "finance.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#statement-csv").ClickAsync());
        Assert.StartsWith($"levy-statement-{employerId}-", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("Month,FundsIn,", csv);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2, csv);
    }

    [BrowserFact]
    public async Task A_provider_signs_in_with_their_key_and_confirms_a_milestone_without_javascript()
    {
        var demo = await app.DemoHubAsync();
        var key = demo.GetProperty("providers")[0].GetProperty("apiKey").GetString()!;
        var learner = demo.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("branch").GetString()!.StartsWith("cohort")).GetProperty("id").GetString()!;
        var member = demo.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("branch").GetString()!.StartsWith("academy")).GetProperty("id").GetString()!;
        // Past the cohort's start (four weeks on), the learner is in training with the provider.
        (await app.Api.PostAsJsonAsync("/api/dev/clock/advance", new { by = "P30D" })).EnsureSuccessStatusCode();
        // In training with the training workflow running (a confirmation a moment before it starts is refused as "still starting").
        var workflows = app.Services.GetRequiredService<IWorkflows>();
        for (var tries = 0; await StageAsync(learner) != "InTraining" || !await workflows.IsRunningAsync(WorkflowInstances.Training(CommitmentIds.Of(learner)), default); tries++)
        {
            Assert.True(tries < 300, $"{learner} did not start training");
            await Task.Delay(100);
        }

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/provider");
        Assert.Contains("/provider/sign-in", page.Url);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal("Your learners", await page.Locator("h1").InnerTextAsync());
        await Assertions.Expect(page.Locator("#learners")).ToContainTextAsync(learner);
        await Assertions.Expect(page.Locator("#learners")).ToContainTextAsync(member);

        // Choose the learner, then what to confirm: a short form with only the milestone's fields, the reference made by the portal.
        await page.Locator("#learners tr", new() { HasText = learner }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-kinds a")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Link, new() { Name = "A training milestone" }).ClickAsync();
        Assert.Equal("Confirm a training milestone", await page.Locator("h1").InnerTextAsync());
        await Assertions.Expect(page.GetByLabel("Your reference")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Hours")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The milestone is required.");
        await Assertions.Expect(page.Locator("#detail-error")).ToContainTextAsync("The milestone is required.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "provider-milestone-error.png"), FullPage = true });

        await page.GetByLabel("Milestone").FillAsync("Care Certificate complete");
        var today = DateOnly.Parse((await app.Api.GetFromJsonAsync<JsonElement>("/api/dev/clock")).GetProperty("utcNow").GetString()![..10], System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirmation-result")).ToContainTextAsync($"Recorded: a training milestone for");
        await Assertions.Expect(page.Locator("#confirmation-result")).ToContainTextAsync(learner);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "provider-portal.png"), FullPage = true });

        var timeline = await app.Api.GetFromJsonAsync<JsonElement>($"/api/candidates/{learner}/timeline");
        Assert.Contains("Care Certificate complete", timeline.GetProperty("events").ToString());
    }

    private async Task<string?> StageAsync(string id) =>
        (await app.Api.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("stage").GetString();

    private static async Task<int> CountAsync(IPage page, string stage)
    {
        var count = page.Locator($"li[data-stage={stage}] .app-board__count");
        return await count.CountAsync() == 0 ? -1 : int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reloads <paramref name="path"/> until the condition holds: the workflow moves on in the background.</summary>
    private static async Task Eventually(IPage page, string path, Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(250))
        {
            await page.GotoAsync(path);
            if (await condition()) return;
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not change within 60 s:\n{await page.Locator("main").InnerTextAsync()}");
        }
    }
}
