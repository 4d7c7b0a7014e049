using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Apprenticeships.Functions.Tests.Http.Programmes;

/// <summary>
/// One demo hub (see POST /api/dev/demo) for the API's bad-input and permission tests: an
/// academy and a cohort run by provider A, provider B with no learners, and candidates at
/// every early stage, settled so that anything a refused request changed would show.
/// </summary>
public sealed class DemoHubFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public JsonElement Demo { get; private set; }
    public string AcademyId => Demo.GetProperty("academyId").GetString()!;
    public string CohortId => Demo.GetProperty("cohortId").GetString()!;
    public string EmployerId => Demo.GetProperty("employerId").GetString()!;
    /// <summary>The care provider the academy and job starts are with: a member of the employer scheme, with a contact.</summary>
    public string CareEmployerId => Demo.GetProperty("careEmployerId").GetString()!;
    public string KeyA => Demo.GetProperty("providers")[0].GetProperty("apiKey").GetString()!;
    public string KeyB => Demo.GetProperty("providers")[1].GetProperty("apiKey").GetString()!;

    /// <summary>A candidate on each branch: silent (awaiting interest), academy, job, cohort.</summary>
    public string Candidate(string branchStart) =>
        Demo.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("branch").GetString()!.StartsWith(branchStart, StringComparison.Ordinal)).GetProperty("id").GetString()!;

    public async Task InitializeAsync()
    {
        App = await AppFactory.CreateAsync();
        Http = App.CreateClient();
        var response = await Http.PostAsync("/api/dev/demo", null);
        Demo = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Journeys are still recording their assignments; wait until nothing moves.
        var last = "";
        for (var now = await SnapshotAsync(); now != last; now = await SnapshotAsync())
        {
            last = now;
            await Task.Delay(1000);
        }
    }

    /// <summary>Everything a refused request could have touched, as text to compare.</summary>
    public async Task<string> SnapshotAsync()
    {
        var parts = new List<string>
        {
            await Http.GetStringAsync($"/api/academies/{AcademyId}"),
            await Http.GetStringAsync($"/api/cohorts/{CohortId}"),
            await Http.GetStringAsync($"/api/finance/employers/{EmployerId}/account"),
            await Http.GetStringAsync($"/api/employers/{CareEmployerId}"),
            await Http.GetStringAsync($"/api/employers/{EmployerId}"),
        };
        foreach (var branch in new[] { "silent", "academy", "job", "cohort" })
        {
            var id = Candidate(branch);
            parts.Add(await Http.GetStringAsync($"/api/candidates/{id}"));
            parts.Add(await Http.GetStringAsync($"/api/candidates/{id}/timeline"));
        }
        return string.Join("\n", parts);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
