using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Functions.Tests.Http.Candidates;

namespace Apprenticeships.Functions.Tests.Http.Dev;

public class DemoApiTests
{
    [Fact]
    public async Task The_demo_hub_puts_twenty_candidates_on_their_way_and_the_clock_moves_them_on()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();

        var response = await http.PostAsync("/api/dev/demo", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var demo = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ids = demo.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal(20, ids.Count);
        async Task<Dictionary<string, int>> StagesAsync()
        {
            var stages = new List<string>();
            foreach (var id in ids) stages.Add(await CandidateJourneyTests.StageOfAsync(http, id));
            return stages.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        }
        Assert.Equal(new Dictionary<string, int> { ["AwaitingInterest"] = 4, ["InSwap"] = 12, ["InWork"] = 2, ["AwaitingCohort"] = 2 }, await StagesAsync());
        var key = demo.GetProperty("providers")[0].GetProperty("apiKey").GetString();
        var learners = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/providers/learners") { Headers = { { "X-Provider-Key", key } } });
        Assert.Equal(14, (await learners.Content.ReadFromJsonAsync<JsonElement[]>())!.Length);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/dev/clock/advance", new { by = "P29D" })).StatusCode);

        await CandidateJourneyTests.EventuallyAsync(async () =>
        {
            var stages = await StagesAsync();
            return stages.GetValueOrDefault("NoResponse") == 4 && stages.GetValueOrDefault("InTraining") == 2;
        }, "the silent four closed and the cohort in training");
        var account = await http.GetFromJsonAsync<JsonElement>($"/api/finance/employers/{demo.GetProperty("employerId").GetString()}/account");
        Assert.True(account.GetProperty("totals").GetProperty("fundsIn").GetDecimal() > 0, account.ToString());
    }

    [Fact]
    public async Task There_is_no_demo_outside_development()
    {
        await using var app = await AppFactory.CreateAsync("Production", b => b.UseSetting("Links:SigningKey", "a-test-signing-key-that-is-long-enough"));
        var response = await app.CreateClient().PostAsync("/api/dev/demo", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
