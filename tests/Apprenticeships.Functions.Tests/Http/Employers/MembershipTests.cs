using System.Net;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>The hub's employer scheme through the API: join, an event, a support session, leave, rejoin; history kept, dates checked.</summary>
public class MembershipTests(EmployersApiFixture fixture) : IClassFixture<EmployersApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task An_employer_joins_attends_an_event_gets_support_leaves_and_rejoins_with_its_history_kept()
    {
        var id = await _http.NewEmployerAsync("Inspired Care Ltd");
        var today = fixture.Today;
        var path = $"/api/employers/{id}/membership";
        var (status, m) = await _http.SendAsync(HttpMethod.Get, path);
        Assert.Equal((HttpStatusCode.OK, 0), (status, m.GetProperty("spells").GetArrayLength()));

        var join = new { date = today.AddDays(-60).Iso(), support = new[] { "RetentionSupport", "RecruitmentSupport" } };
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, $"{path}/join", join)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Post, $"{path}/join", join)).Status);   // a repeat changes nothing
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, $"{path}/events", new { date = today.AddDays(-30).Iso(), eventName = "Care careers fair" })).Status);
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, $"{path}/sessions",
            new { date = today.AddDays(-20).Iso(), topic = "Keeping new starters", advisorId = "amara", note = "Agreed a buddy scheme for night shifts." })).Status);

        // Not before joining, not in the future: refused, naming the date.
        (status, var refused) = await _http.SendAsync(HttpMethod.Post, $"{path}/sessions", new { date = today.AddDays(-61).Iso(), topic = "Too early", advisorId = "amara" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("before the employer joined", refused.Problem("date"));
        (status, refused) = await _http.SendAsync(HttpMethod.Post, $"{path}/events", new { date = today.AddDays(1).Iso(), eventName = "Next week's fair" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        refused.Problem("date");

        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, $"{path}/leave", new { date = today.AddDays(-10).Iso(), reason = "Merged with another provider" })).Status);
        (status, refused) = await _http.SendAsync(HttpMethod.Post, $"{path}/events", new { date = today.AddDays(-5).Iso(), eventName = "Spring fair" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not a member", refused.Problem("date"));
        var (_, list) = await _http.SendAsync(HttpMethod.Get, "/api/employers");
        Assert.False(list.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).GetProperty("isMember").GetBoolean());

        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, $"{path}/join", new { date = today.Iso(), support = new[] { "EventsInvitation" } })).Status);
        (_, m) = await _http.SendAsync(HttpMethod.Get, path);
        var spells = m.GetProperty("spells").EnumerateArray().ToList();
        Assert.Equal(2, spells.Count);
        Assert.Equal(("Merged with another provider", today.AddDays(-10).Iso()), (spells[0].GetProperty("leftReason").GetString(), spells[0].GetProperty("left").GetString()));
        Assert.Equal(["RecruitmentSupport", "RetentionSupport"], spells[0].GetProperty("support").EnumerateArray().Select(s => s.GetString()));
        Assert.False(spells[1].TryGetProperty("left", out var left) && left.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal("Care careers fair", Assert.Single(m.GetProperty("events").EnumerateArray()).GetProperty("eventName").GetString());
        var session = Assert.Single(m.GetProperty("sessions").EnumerateArray());
        Assert.Equal(("Keeping new starters", "amara"), (session.GetProperty("topic").GetString(), session.GetProperty("advisorId").GetString()));
        (_, list) = await _http.SendAsync(HttpMethod.Get, "/api/employers");
        var listed = list.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal((true, today.Iso()), (listed.GetProperty("isMember").GetBoolean(), listed.GetProperty("memberSince").GetString()));
    }

    [Fact]
    public async Task Joining_is_refused_far_ahead_and_while_already_a_member()
    {
        var id = await _http.NewEmployerAsync("Quarterly Care");
        var path = $"/api/employers/{id}/membership";
        var (status, refused) = await _http.SendAsync(HttpMethod.Post, $"{path}/join", new { date = fixture.Today.AddDays(200).Iso(), support = new[] { "TrainingAdvice" } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("days ahead", refused.Problem("date"));
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, $"{path}/join", new { date = fixture.Today.Iso(), support = new[] { "TrainingAdvice" } })).Status);
        (status, refused) = await _http.SendAsync(HttpMethod.Post, $"{path}/join", new { date = fixture.Today.AddDays(-1).Iso(), support = new[] { "TrainingAdvice" } });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("record leaving", refused.Problem("date"));
    }
}
