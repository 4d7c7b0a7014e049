using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Functions.Tests.Pages;
using Apprenticeships.Functions.Tests.Security;
using Apprenticeships.Functions.Tests.Workflows;
using Microsoft.AspNetCore.Mvc.Testing;
using static Apprenticeships.Functions.Tests.Workflows.TrainingHub;

namespace Apprenticeships.Functions.Tests.Http.Programmes;

/// <summary>
/// Two learners in training with one provider: one in learning, one on a break in learning since
/// the day training started (today, on the business clock), settled once the break is in the levy
/// account and the advisor has heard of it, so that anything a refused confirmation changed would show.
/// </summary>
public sealed class BreakHubFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    internal TrainingHub Hub { get; private set; } = null!;
    public string InLearning => Hub.Learners[0];
    public string OnBreak => Hub.Learners[1];
    public DateOnly Today => Hub.Driver.Today;

    public async Task InitializeAsync()
    {
        App = await Candidates.CandidateJourneyTests.AppAsync();
        Hub = await TrainingHub.StartAsync(App, learners: 2);
        await Hub.ConfirmAsync(new { reference = "break-1", candidateId = OnBreak, kind = "BreakInLearning", date = Day(Today) }, HttpStatusCode.Created);
        await Hub.Driver.UntilAsync(async () => (await Hub.ScheduleAsync(OnBreak)).GetProperty("status").GetString() == "OnBreak", "the break in the levy account");
        await Hub.Driver.UntilAsync(async () => (await Hub.Driver.AlertsAsync([OnBreak])).Count == 1, "the advisor told of the break");
    }

    /// <summary>Everything a refused confirmation could have touched, as text to compare.</summary>
    public async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var id in Hub.Learners)
        {
            parts.Add(await Hub.Driver.Http.GetStringAsync($"/api/candidates/{id}"));
            parts.Add(await Hub.Driver.Http.GetStringAsync($"/api/candidates/{id}/timeline"));
            parts.Add(await Hub.Driver.Http.GetStringAsync($"/api/finance/commitments/{Commitment(id)}/schedule?all=true"));
            parts.Add((await Hub.TrainingStatusAsync(id))?.ToString() ?? "");
        }
        parts.Add(string.Join("\n", (await Hub.Driver.AlertsAsync(Hub.Learners)).Select(m => m.Text)));
        return string.Join("\n", parts);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// A provider's break and return are checked before anything is recorded (issue 17): a return only
/// for a learner on a break, dated after the break began and not in the future, with a new planned end
/// after the return and at most ten years on; a second break only after a return. Bad input is a 400
/// naming the field, a break or return at the wrong time a 409, and either way nothing changes.
/// </summary>
public class ProviderBreakConfirmationTests(BreakHubFixture hub) : IClassFixture<BreakHubFixture>
{
    public static TheoryData<string, string, int, string> Cases() => new()
    {
        // learner, body (placeholders filled below), status, field
        { "inLearning", """{"kind":"ReturnFromBreak","date":"{today}","newPlannedEnd":"{year}"}""", 409, "kind" },
        { "inLearning", """{"kind":"BreakInLearning","date":"{yesterday}"}""", 400, "date" },
        { "inLearning", """{"kind":"ReturnFromBreak","date":"{today}"}""", 400, "newPlannedEnd" },
        { "onBreak", """{"kind":"BreakInLearning","date":"{today}"}""", 409, "kind" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{today}","newPlannedEnd":"{year}"}""", 400, "date" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{yesterday}","newPlannedEnd":"{year}"}""", 400, "date" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{tomorrow}","newPlannedEnd":"{year}"}""", 400, "date" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{today}","newPlannedEnd":"{today}"}""", 400, "newPlannedEnd" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{today}","newPlannedEnd":"{tenYearsAndADay}"}""", 400, "newPlannedEnd" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{today}","newPlannedEnd":"31/12/2030"}""", 400, "newPlannedEnd" },
        { "onBreak", """{"kind":"ReturnFromBreak","date":"{today}","newPlannedEnd":"9999-12-31"}""", 400, "newPlannedEnd" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_break_or_return_that_cannot_be_is_refused_naming_the_field_and_changes_nothing(string learner, string body, int status, string field)
    {
        var before = await hub.SnapshotAsync();
        var candidateId = learner == "onBreak" ? hub.OnBreak : hub.InLearning;
        var json = Fill(body).Replace("{", $$"""{"reference":"r-{{Guid.NewGuid():N}}","candidateId":"{{candidateId}}",""", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/providers/confirmations") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Provider-Key", hub.Hub.ProviderKey);

        var response = await hub.Hub.Driver.Http.SendAsync(request);

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{json}: expected {status}, got {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(problem).RootElement.GetProperty("errors").TryGetProperty(field, out _), problem);
        Assert.Equal(before, await hub.SnapshotAsync());
    }

    [Fact]
    public async Task The_portal_refuses_a_return_without_its_new_planned_end_naming_the_field()
    {
        var before = await hub.SnapshotAsync();
        var portal = await SignIn.AsProviderAsync(hub.App, hub.Hub.ProviderKey);

        var form = await PortalForm.OpenAsync(portal, $"/provider/learners/{hub.OnBreak}/return", PortalForm.Date("date", hub.Today));
        var response = await form.SendAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches(new Regex("<a href=\"#newPlannedEnd\">[^<]*New planned end date is required"), page);
        Assert.Contains("Confirm a return from a break in learning", page);
        Assert.Equal(before, await hub.SnapshotAsync());
    }

    private string Fill(string text) => text
        .Replace("{today}", Day(hub.Today)).Replace("{yesterday}", Day(hub.Today.AddDays(-1))).Replace("{tomorrow}", Day(hub.Today.AddDays(1)))
        .Replace("{year}", Day(hub.Today.AddYears(1))).Replace("{tenYearsAndADay}", Day(hub.Today.AddYears(10).AddDays(1)));
}
