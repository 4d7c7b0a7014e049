using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Functions.Security;
using Apprenticeships.Functions.Tests.Http.Candidates;

namespace Apprenticeships.Functions.Tests.Security;

/// <summary>
/// Browsers are told to use HTTPS only (in Azure, not on a developer's machine), and to keep no copy
/// of an answer that may hold someone's personal data, where a shared computer's cache or back
/// button would show it to the next person.
/// </summary>
public class ResponseHeaderTests
{
    [Fact]
    public async Task In_azure_every_answer_asks_for_https_only()
    {
        await using var app = await AppFactory.CreateAsync("Production");
        var http = app.CreateClient();

        foreach (var path in new[] { "/api/health", "/sign-in", "/assets/app.css", "/api/candidates" })
        {
            var response = await http.GetAsync(path);
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{path} has no Strict-Transport-Security");
            Assert.Equal(SecurityHeaders.HstsPolicy, Assert.Single(hsts));
        }
    }

    [Fact]
    public async Task On_a_developers_machine_http_stays_usable()
    {
        await using var app = await AppFactory.CreateAsync();

        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_candidates_details_are_never_stored_by_a_cache_but_the_stylesheets_are()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var enrolled = await http.PostAsJsonAsync("/api/candidates", CandidateJourneyTests.Referral());
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        foreach (var path in new[] { $"/api/candidates/{id}", "/api/candidates", $"/api/candidates/{id}/timeline", $"/candidates/{id}", "/api/dev/outbox", "/dev/outbox" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be cached: Cache-Control {response.Headers.CacheControl}");
        }
        var refused = await http.GetAsync("/api/candidates/c-nobody");
        Assert.True(refused.Headers.CacheControl?.NoStore, "a 404 problem may be cached");

        var stylesheet = await http.GetAsync("/assets/app.css");
        Assert.False(stylesheet.Headers.CacheControl?.NoStore);
        Assert.True(stylesheet.Headers.CacheControl?.Public);
    }
}
