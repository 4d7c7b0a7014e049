using System.Net;
using Apprenticeships.Application;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>
/// Workflow alerts on the board and in <c>GET /api/attention</c>: stored whether or not an alerts
/// mailbox is set, named when shown, and gone once acted upon.
/// </summary>
public class AttentionTests
{
    private sealed record Open(string CandidateId, string Kind, string? Session);

    private static async Task<List<Open>> OpenAsync(HttpClient http, params string[] candidates) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/attention")).EnumerateArray()
            .Where(e => candidates.Contains(e.GetProperty("candidateId").GetString()))
            .Select(e => new Open(e.GetProperty("candidateId").GetString()!, e.GetProperty("kind").GetString()!,
                e.GetProperty("facts").TryGetProperty("session", out var s) ? s.GetString() : null))
            .OrderBy(o => o.CandidateId, StringComparer.Ordinal).ThenBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Session, StringComparer.Ordinal).ToList();

    private static async Task<string> EngagedAsync(WebApplicationFactory<Program> app, HttpClient http, string family)
    {
        var id = await EnrolAsync(http, Referral(family, $"{family.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org"));
        await EventuallyAsync(async () => (await MailForAsync(app, id)).Any(m => m.Template == "welcome"), "welcome email");
        var link = Regex.Match((await MailForAsync(app, id)).Single(m => m.Template == "welcome").Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await http.PressAsync(link)).StatusCode);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        return id;
    }

    [Fact]
    public async Task Without_an_alerts_mailbox_an_unanswered_welcome_is_on_the_board_until_the_candidate_answers()
    {
        await using var app = await AppFactory.CreateAsync(); // no Email:AdvisorAlertsTo, as locally
        var http = app.CreateClient();
        var family = $"Attentive{Guid.NewGuid():N}"[..16];
        var id = await EnrolAsync(http, Referral(family, $"{family.ToLowerInvariant()}@example.org"));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        var link = Regex.Match((await MailForAsync(app, id)).Single(m => m.Template == "welcome").Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;

        await app.AdvanceToOffsetAsync(TimeSpan.FromDays(PipelinePolicy.NoResponseAlertDays));
        await EventuallyAsync(async () => (await OpenAsync(http, id)).Any(o => o.Kind == "NoAnswer"), "the unanswered welcome on the attention list");

        Assert.Empty(await MailForAsync(app, "advisors")); // nowhere to email it, and it is still kept
        var entry = (await http.GetFromJsonAsync<JsonElement>("/api/attention")).EnumerateArray().Single(e => e.GetProperty("candidateId").GetString() == id);
        Assert.Equal($"Amira {family}", entry.GetProperty("candidateName").GetString());
        Assert.Equal("AwaitingInterest", entry.GetProperty("stage").GetString());
        Assert.Equal($"Has not confirmed interest {PipelinePolicy.NoResponseAlertDays} days after referral.", entry.GetProperty("what").GetString());
        Assert.Equal("No answer to their welcome email", entry.GetProperty("title").GetString());
        Assert.StartsWith("Clears when the candidate confirms interest", entry.GetProperty("clears").GetString());
        var board = await http.GetStringAsync("/");
        Assert.Contains($"Amira {family}", board);
        Assert.Contains($"Has not confirmed interest {PipelinePolicy.NoResponseAlertDays} days after referral.", board);
        Assert.DoesNotContain("Nobody needs attention", board);
        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Contains(timeline.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Alert");

        Assert.Equal(HttpStatusCode.OK, (await http.PressAsync(link)).StatusCode);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        Assert.Empty(await OpenAsync(http, id));
        Assert.DoesNotContain($"Amira {family}", await http.GetStringAsync("/"));
        // Found acted upon, it is marked closed, so later reads do not look at it again.
        Assert.DoesNotContain(await app.Services.GetRequiredService<Storage.Candidates.AttentionItems>().ListOpenAsync(), i => i.CandidateId == id);
    }

    [Fact]
    public async Task Academy_members_with_no_attendance_or_outcome_a_week_after_the_interview_need_attention_until_it_is_recorded()
    {
        await using var app = await AppAsync(); // with an alerts mailbox: emailed as well
        var http = app.CreateClient();
        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        var academyId = await Workflows.RepeatedSignalTests.AcademyAsync(http, today);
        var (first, second) = (today.AddDays(3).ToString("yyyy-MM-dd"), today.AddDays(4).ToString("yyyy-MM-dd"));
        var a = await EngagedAsync(app, http, "Aldous");
        var b = await EngagedAsync(app, http, "Brennan");
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        foreach (var c in new[] { a, b })
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/academies/{academyId}/members", new { candidateId = c })).StatusCode);
            await EventuallyAsync(async () => (await engine.GetInstanceAsync($"swap-{c}-{academyId}", false))?.SerializedCustomStatus is not null, "the academy workflow started");
        }

        // A week and a day after the interview (day 21), nobody having recorded anything.
        await app.AdvanceToOffsetAsync(TimeSpan.FromDays(21 + PipelinePolicy.AcademyOutcomeChaseDays + 1));
        List<Open> Expected(string c) => [new(c, "AttendanceNotRecorded", first), new(c, "AttendanceNotRecorded", second), new(c, "NoAcademyOutcome", null)];
        var expected = Expected(a).Concat(Expected(b)).OrderBy(o => o.CandidateId, StringComparer.Ordinal).ToList();
        await EventuallyAsync(async () => (await OpenAsync(http, a, b)).SequenceEqual(expected),
            "two sessions and the outcome unrecorded for both", TimeSpan.FromSeconds(60));

        // Stored first, then emailed: the mailbox hears of each too.
        await EventuallyAsync(async () => (await MailForAsync(app, "advisors")).Count(m => m.Subject.Contains(a) || m.Subject.Contains(b)) == 6, "six alert emails");
        var mailbox = await MailForAsync(app, "advisors");
        Assert.Contains(mailbox, m => m.Subject == $"Academy outcome not recorded: candidate {b}"
            && m.Text.Contains("No outcome recorded for the academy Adult Care Academy (Acorn Care), 7 days after the interview.")
            && m.Text.Contains($"Open their record: http://localhost:7071/candidates/{b}"));
        var board = await http.GetStringAsync("/");
        Assert.Contains("Amira Aldous", board);
        Assert.Contains("Amira Brennan", board);
        Assert.Contains("No outcome recorded for the academy Adult Care Academy (Acorn Care), 7 days after the interview.", board);

        // Acted upon: a's first session recorded; b's outcome recorded (which brings its own alert: no offer).
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/academies/{academyId}/attendance", new { candidateId = a, date = first, attended = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/academies/{academyId}/outcomes", new { candidateId = b, outcome = "CompletedUnsuccessful" })).StatusCode);
        Assert.Equal([new(a, "AttendanceNotRecorded", second), new(a, "NoAcademyOutcome", null)], await OpenAsync(http, a));
        await EventuallyAsync(async () => (await OpenAsync(http, b)).SequenceEqual([new Open(b, "NoJobOffer", null)]), "b's academy items cleared, the no-offer alert raised");
    }

    [Fact]
    public async Task A_candidate_who_came_back_after_withdrawal_stays_on_the_board_until_an_advisor_marks_it_seen_but_an_unanswered_welcome_cannot_be_hidden()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var family = $"Seen{Guid.NewGuid():N}"[..14];
        var back = await EnrolAsync(http, Referral(family, $"{family.ToLowerInvariant()}@example.org"));
        var silent = await EnrolAsync(http, Referral($"{family}b", $"{family.ToLowerInvariant()}b@example.org"));
        await EventuallyAsync(async () => await StageOfAsync(http, back) == "AwaitingInterest" && await StageOfAsync(http, silent) == "AwaitingInterest", "awaiting interest");
        var link = Regex.Match((await MailForAsync(app, back)).Single(m => m.Template == "welcome").Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/candidates/{back}/withdraw", new { reason = "Moved away" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PressAsync(link)).StatusCode); // came back after being withdrawn: news for the advisor
        await app.AdvanceToOffsetAsync(TimeSpan.FromDays(PipelinePolicy.NoResponseAlertDays));
        await EventuallyAsync(async () => (await OpenAsync(http, back)).Any(o => o.Kind == "LinkAnswer") && (await OpenAsync(http, silent)).Any(o => o.Kind == "NoAnswer"),
            "the came-back answer and the unanswered welcome on the board");

        var board = await http.GetStringAsync("/");
        var form = Regex.Match(board, $"<form method=\"post\" action=\"/attention/dismiss\">\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\">\\s*" +
            $"<input type=\"hidden\" name=\"candidateId\" value=\"{back}\"><input type=\"hidden\" name=\"key\" value=\"([^\"]+)\">");
        Assert.True(form.Success, "a Mark as seen button for the candidate who came back");
        Assert.DoesNotContain($"name=\"candidateId\" value=\"{silent}\"", board); // an alert that clears by acting on it has no such button
        var seen = await http.PostAsync("/attention/dismiss", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Groups[1].Value, ["candidateId"] = back, ["key"] = System.Net.WebUtility.HtmlDecode(form.Groups[2].Value),
        }));
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("/", seen.RequestMessage!.RequestUri!.AbsolutePath); // back to the board
        Assert.Empty(await OpenAsync(http, back));
        Assert.DoesNotContain($"data-candidate=\"{back}\"", await http.GetStringAsync("/"));

        var noAnswer = (await http.GetFromJsonAsync<JsonElement>("/api/attention")).EnumerateArray().Single(e => e.GetProperty("candidateId").GetString() == silent);
        var refused = await http.PostAsJsonAsync("/api/attention/dismiss", new { candidateId = silent, key = noAnswer.GetProperty("key").GetString() });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("cannot be marked as seen", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("key")[0].GetString());
        Assert.Equal([new(silent, "NoAnswer", null)], await OpenAsync(http, silent));
        var unknown = await http.PostAsJsonAsync("/api/attention/dismiss", new { candidateId = silent, key = "no-such-step" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
