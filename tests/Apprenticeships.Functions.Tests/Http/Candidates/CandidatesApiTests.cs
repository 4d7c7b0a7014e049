using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Testing;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

public class CandidatesApiTests
{
    [Theory]
    [InlineData("email", "\"not-an-email\"")]
    [InlineData("postcode", "\"12345\"")]
    [InlineData("dateOfBirth", "\"2020-01-01\"")]
    [InlineData("dateOfBirth", "\"next tuesday\"")]
    [InlineData("consent", "false")]
    [InlineData("source", "\"Carrier pigeon\"")]
    public async Task A_bad_referral_is_a_400_naming_the_field_and_enrols_nobody(string field, string json)
    {
        await using var app = await CandidateJourneyTests.AppAsync();
        var http = app.CreateClient();
        var family = LocalAzurite.UniqueName("Nobody");
        var body = JsonSerializer.SerializeToNode(CandidateJourneyTests.Referral(family))!.AsObject();
        body[field] = JsonNode(json);

        var response = await http.PostAsync("/api/candidates", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await http.GetFromJsonAsync<JsonElement[]>($"/api/candidates?q={family}") ?? []);
    }

    [Fact]
    public async Task Advisors_find_candidates_by_name_and_stage()
    {
        await using var app = await CandidateJourneyTests.AppAsync();
        var http = app.CreateClient();
        var family = LocalAzurite.UniqueName("Finder");
        var id = await CandidateJourneyTests.EnrolAsync(http, CandidateJourneyTests.Referral(family));
        await CandidateJourneyTests.EventuallyAsync(async () => await CandidateJourneyTests.StageOfAsync(http, id) == "AwaitingInterest", "awaiting");

        var byName = await http.GetFromJsonAsync<JsonElement[]>($"/api/candidates?q={family}");
        var byStage = await http.GetFromJsonAsync<JsonElement[]>($"/api/candidates?stage=awaitinginterest&q={family}");
        var otherStage = await http.GetFromJsonAsync<JsonElement[]>($"/api/candidates?stage=Engaged&q={family}");
        var badStage = await http.GetAsync("/api/candidates?stage=Lost");

        Assert.Equal(id, Assert.Single(byName!).GetProperty("id").GetString());
        Assert.Single(byStage!);
        Assert.Empty(otherStage!);
        Assert.Equal(HttpStatusCode.BadRequest, badStage.StatusCode);
    }

    [Fact]
    public async Task Withdrawing_closes_the_candidate_stops_their_journey_and_is_safe_to_repeat()
    {
        await using var app = await CandidateJourneyTests.AppAsync();
        var http = app.CreateClient();
        var id = await CandidateJourneyTests.EnrolAsync(http);
        await CandidateJourneyTests.EventuallyAsync(async () => await CandidateJourneyTests.StageOfAsync(http, id) == "AwaitingInterest", "awaiting");

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/candidates/{id}/withdraw", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/candidates/c-nobody/withdraw", new { reason = "moved" })).StatusCode);
        // Twenty at once, as double clicks and retries after a timeout would: every one succeeds, one takes effect.
        var racing = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            http.PostAsJsonAsync($"/api/candidates/{id}/withdraw", new { reason = i == 0 ? "Moved out of the area" : $"Moved away ({i})" })));
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var again = await http.PostAsJsonAsync($"/api/candidates/{id}/withdraw", new { reason = "again" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // a retry finishes whatever is left and changes nothing
        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Single(CandidateJourneyTests.StageEvents(timeline), e => e.GetProperty("stage").GetString() == "Withdrawn");

        await CandidateJourneyTests.EventuallyAsync(async () =>
            (await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("journey").GetString() == "Terminated", "journey stopped");
        var details = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}");
        Assert.Equal("Withdrawn", details.GetProperty("stage").GetString());
        var reason = details.GetProperty("withdrawalReason").GetString()!;
        Assert.StartsWith("Moved", reason);
        Assert.Equal((await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("withdrawalReason").GetString(), reason); // the first one stays
        Assert.Contains(reason, Assert.Single(CandidateJourneyTests.StageEvents(timeline), e => e.GetProperty("stage").GetString() == "Withdrawn").GetProperty("what").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/candidates/c-nobody")).StatusCode);
    }

    private static System.Text.Json.Nodes.JsonNode? JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json);
}
