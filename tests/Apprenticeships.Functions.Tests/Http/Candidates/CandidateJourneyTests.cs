using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Email;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

public class CandidateJourneyTests
{
    internal static object Referral(string family = "Khan", string email = "amira.khan@example.org") => new
    {
        givenName = "Amira", familyName = family, email, postcode = "WR1 2AB", dateOfBirth = "2004-03-09",
        source = "JobcentreWorkCoach", consent = true, lawfulBasis = "Public task", advisorId = "advisor-1",
    };

    internal static Task<WebApplicationFactory<Program>> AppAsync() =>
        AppFactory.CreateAsync(configure: b => b.UseSetting("Email:AdvisorAlertsTo", "advisors@council.example"));

    internal static async Task<string> EnrolAsync(HttpClient http, object? referral = null)
    {
        var response = await http.PostAsJsonAsync("/api/candidates", referral ?? Referral());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    internal static async Task<string> StageOfAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("stage").GetString()!;

    /// <summary>The timeline's stage changes: its events of kind "Stage".</summary>
    internal static IEnumerable<JsonElement> StageEvents(JsonElement timeline) =>
        timeline.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Stage");

    internal static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        using var cts = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (cts.IsCancellationRequested) throw new TimeoutException($"Gave up waiting for: {what}");
            await Task.Delay(50);
        }
    }

    internal static async Task<List<PickupDelivery.PickedUp>> MailForAsync(WebApplicationFactory<Program> app, string recipientId) =>
        (await app.Services.GetRequiredService<PickupDelivery>().ListAsync(1000, CancellationToken.None)).Where(m => m.RecipientId == recipientId).ToList();

    [Fact]
    public async Task A_referred_candidate_gets_a_welcome_email_and_confirming_through_the_link_engages_them()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var id = await EnrolAsync(http);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");

        var welcome = Assert.Single(await MailForAsync(app, id));
        Assert.Equal("amira.khan@example.org", welcome.To);
        var link = Regex.Match(welcome.Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        var page = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("AwaitingInterest", await StageOfAsync(http, id)); // opening the link changes nothing

        var confirmed = await http.PressAsync(link);
        Assert.Contains("Thank you for confirming", await confirmed.Content.ReadAsStringAsync());
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Equal(["AwaitingInterest", "Engaged"], StageEvents(timeline).Select(e => e.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task Silence_brings_nudges_at_two_and_five_days_an_advisor_alert_at_seven_and_closure_at_fourteen()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var id = await EnrolAsync(http);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");

        await app.AdvanceAsync(TimeSpan.FromDays(1));
        await Task.Delay(300);
        Assert.Single(await MailForAsync(app, id)); // nothing before day 2

        foreach (var (day, expected) in new[] { (2, 2), (5, 3) })
        {
            await app.AdvanceToOffsetAsync(TimeSpan.FromDays(day));
            await EventuallyAsync(async () => (await MailForAsync(app, id)).Count == expected, $"nudge on day {day}");
        }
        Assert.All((await MailForAsync(app, id)).Take(2), m => Assert.Equal("Are you still interested in the Employment and Training Hub?", m.Subject));

        await app.AdvanceToOffsetAsync(TimeSpan.FromDays(7));
        await EventuallyAsync(async () => (await MailForAsync(app, "advisors")).Any(m => m.Subject.Contains(id)), "advisor alert");
        Assert.Equal("AwaitingInterest", await StageOfAsync(http, id));

        await app.AdvanceToOffsetAsync(TimeSpan.FromDays(14));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "NoResponse", "closed as no response");
    }

    [Fact]
    public async Task A_tampered_or_expired_link_gets_a_friendly_page_and_changes_nothing()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var id = await EnrolAsync(http);
        await EventuallyAsync(async () => (await MailForAsync(app, id)).Count == 1, "welcome email");
        var link = Regex.Match((await MailForAsync(app, id))[0].Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        // The candidate opens the page while the link works, and presses the button later.
        var form = await http.FormOfAsync(link);

        // Another candidate's id in the payload: the signature no longer matches.
        var payload = link["/l/".Length..link.IndexOf('.')];
        var forged = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(payload)).Replace(id, "c-someoneelse")));
        var tampered = await http.PostAsync(link.Replace(payload, forged), form);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("This link does not work", await tampered.Content.ReadAsStringAsync());

        await app.AdvanceAsync(TimeSpan.FromDays(15));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "NoResponse", "closed");
        var expired = await http.PostAsync(link, form);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
        Assert.Equal("NoResponse", await StageOfAsync(http, id));
    }
}
