using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>The candidate's page and timeline JSON read as a person would: one event per fact, names instead of ids, words instead of codes.</summary>
public class CandidateTimelineTests
{
    [Fact]
    public async Task Joining_an_academy_is_one_event_naming_it_and_the_page_says_who_referred_them_in_words()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        var academyId = await Workflows.RepeatedSignalTests.AcademyAsync(http, today);
        var id = await EnrolAsync(http, Referral("Timeline", $"timeline.{Guid.NewGuid():N}@example.org"));
        await EventuallyAsync(async () => (await MailForAsync(app, id)).Any(m => m.Template == "welcome"), "welcome email");
        var link = Regex.Match((await MailForAsync(app, id)).Single(m => m.Template == "welcome").Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await http.PressAsync(link)).StatusCode);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/academies/{academyId}/members", new { candidateId = id })).StatusCode);
        await EventuallyAsync(async () => StageEvents(await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline")).Count() == 3, "the journey noted the academy");

        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Equal(["candidateId", "events"], timeline.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["AwaitingInterest", "Engaged", "InSwap"], StageEvents(timeline).Select(e => e.GetProperty("stage").GetString()));
        var joined = Assert.Single(timeline.GetProperty("events").EnumerateArray(), e => e.GetProperty("what").GetString()!.Contains("academy", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Joined the academy Adult Care Academy (Acorn Care).", joined.GetProperty("what").GetString());
        Assert.Equal("Stage", joined.GetProperty("kind").GetString());

        var page = await http.GetStringAsync($"/candidates/{id}");
        Assert.Single(Regex.Matches(page, Regex.Escape("Joined the academy Adult Care Academy (Acorn Care).")));
        Assert.Contains("Jobcentre work coach", page);
        Assert.DoesNotContain("JobcentreWorkCoach", page);
        Assert.Contains("<dd class=\"govuk-summary-list__value\">Adult Care Academy (Acorn Care)</dd>", page);
        Assert.Contains("<dd class=\"govuk-summary-list__value\">advisor-1</dd>", page); // no staff directory: the advisor's id as it is
    }

    /// <summary>
    /// A workflow step re-run after the app was killed (its first run's history lost with the process) notes the same
    /// step again under the same key but at a later time: the timeline keeps one entry, the first
    /// (bench/chaos/kill-during-offers found "Started a job" twice).
    /// </summary>
    [Fact]
    public async Task A_stage_change_noted_again_under_the_same_key_at_a_later_time_is_one_entry()
    {
        await using var app = await AppAsync();
        var timeline = app.Services.GetRequiredService<CandidateTimeline>();
        var candidateId = $"c-{Guid.NewGuid():N}"[..12];
        var first = new DateTimeOffset(2026, 11, 29, 21, 0, 0, TimeSpan.Zero);
        await timeline.AddAsync(candidateId, $"journey-{candidateId}#7", new TimelineEntry(first, CandidateStage.InWork, "Started a job on 6 December 2026."));
        await timeline.AddAsync(candidateId, $"journey-{candidateId}#7", new TimelineEntry(first.AddSeconds(4), CandidateStage.InWork, "Started a job on 6 December 2026."));
        await timeline.AddAsync(candidateId, $"journey-{candidateId}#8", new TimelineEntry(first.AddDays(1), CandidateStage.Completed, "Still in work at the 26-week check."));

        var rows = await timeline.ReadAsync(candidateId);
        Assert.Equal([(first, CandidateStage.InWork), (first.AddDays(1), CandidateStage.Completed)], rows.Stages.Select(e => (e.At, e.Stage)));
    }
}
