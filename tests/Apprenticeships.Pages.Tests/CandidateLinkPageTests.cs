using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Application.Settings;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>A candidate opens the link from their welcome email on a phone: the hub's own page, usable at 375 px, and its button works.</summary>
public class CandidateLinkPageTests(PagesApp app) : IClassFixture<PagesApp>
{
    [BrowserFact]
    public async Task A_candidate_answers_their_welcome_email_on_a_phone()
    {
        var email = $"phone.{Guid.NewGuid():N}@example.org";
        var enrolled = await app.Api.PostAsJsonAsync("/api/candidates", new
        {
            givenName = "Nadia", familyName = "Okonjo", email, postcode = "WR1 2AB", dateOfBirth = "2003-06-14",
            source = "SelfReferral", consent = true, lawfulBasis = "Public task", advisorId = "advisor-1",
        });
        enrolled.EnsureSuccessStatusCode();
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var link = await WelcomeLinkAsync(email);

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 375, Height = 812 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        await page.GotoAsync(link);

        // The hub's name in the GOV.UK header, no staff navigation, laid out for a phone.
        await Assertions.Expect(page.Locator("header .govuk-service-navigation__service-name")).ToContainTextAsync(HubOptions.DefaultName);
        await Assertions.Expect(page.Locator("header nav")).ToHaveCountAsync(0);
        Assert.Contains("width=device-width, initial-scale=1", await page.Locator("meta[name=viewport]").GetAttributeAsync("content"));
        await AssertNoHorizontalScrollAsync(page);
        await Assertions.Expect(page.Locator("h1.govuk-heading-l")).ToHaveTextAsync("Would you like the hub's help?");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "candidate-link-phone.png"), FullPage = true });

        // The skip link comes first on the keyboard, shows when focused and takes focus to the main content.
        var skip = page.Locator("a.govuk-skip-link");
        await Assertions.Expect(skip).ToHaveAttributeAsync("href", "#main-content");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();

        // The button posts the form (with its anti-forgery token) and the page says what happened.
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I am interested" }).TapAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Thank you for confirming");
        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PagesApp.Artifacts, "candidate-link-phone-answered.png"), FullPage = true });
        for (var tries = 0; await StageAsync(id) != "Engaged"; tries++)
        {
            Assert.True(tries < 300, $"{id} did not become Engaged");
            await Task.Delay(100);
        }
        // Nothing the Content-Security-Policy refused (an inline script or style would be).
        Assert.Empty(consoleErrors);
    }

    private async Task<string> WelcomeLinkAsync(string email)
    {
        for (var tries = 0; ; tries++)
        {
            var outbox = await app.Api.GetFromJsonAsync<JsonElement>("/api/dev/outbox");
            var welcome = outbox.EnumerateArray().FirstOrDefault(m => m.GetProperty("to").GetString() == email);
            if (welcome.ValueKind == JsonValueKind.Object)
                return Regex.Match(welcome.GetProperty("text").GetString()!, @"https?://[^/\s]+(/l/\S+)").Groups[1].Value;
            Assert.True(tries < 300, $"no welcome email to {email}");
            await Task.Delay(100);
        }
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scroll <= width, $"The page is {scroll} px wide in a {width} px window.");
    }

    private async Task<string?> StageAsync(string id) =>
        (await app.Api.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("stage").GetString();
}
