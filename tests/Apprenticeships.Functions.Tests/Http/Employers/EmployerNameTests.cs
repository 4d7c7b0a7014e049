using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>
/// An academy and a job start name their employer by id, so whatever a person reads about them
/// (the academy, the candidate's emails and timeline, the job page) shows the employer's name as it is now.
/// </summary>
public class EmployerNameTests
{
    [Fact]
    public async Task An_academy_and_a_job_start_show_their_employers_new_name_after_a_rename()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        var employerId = await http.NewEmployerAsync("Acorn Care");
        var providerId = LocalAzurite.UniqueName("prov");
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/providers", new { id = providerId, name = "Care Skills Training" })).StatusCode);
        var academy = await http.PostAsJsonAsync("/api/academies", new
        {
            name = "Adult Care Academy", employerId, sector = "Adult care", providerId, place = "County Hall",
            sessions = new[] { Day(3), Day(4) }, placementStart = Day(7), placementEnd = Day(18), interviewDate = Day(21),
        });
        Assert.True(academy.StatusCode == HttpStatusCode.Created, await academy.Content.ReadAsStringAsync());
        var academyId = (await academy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var id = await EnrolAsync(http, Referral(email: $"renamed.{Guid.NewGuid():N}@example.org"));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        await app.Services.GetRequiredService<IWorkflows>().AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-confirmed", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/academies/{academyId}/members", new { candidateId = id })).StatusCode);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "InSwap", "in the academy");

        await http.RenameAsync(employerId, "Acorn Care Group");
        var details = await http.GetFromJsonAsync<JsonElement>($"/api/academies/{academyId}");
        Assert.Equal((employerId, "Acorn Care Group"), (details.GetProperty("academy").GetProperty("employerId").GetString(), details.GetProperty("academy").GetProperty("employerName").GetString()));
        Assert.Contains("Acorn Care Group", await http.GetStringAsync($"/academies/{academyId}"));

        // The outcome email, written after the rename, names the employer as it is now.
        await EventuallyAsync(async () => (await http.PostAsJsonAsync($"/api/academies/{academyId}/outcomes",
            new { candidateId = id, outcome = "CompletedUnsuccessful" })).StatusCode == HttpStatusCode.OK, "the outcome recorded");
        await EventuallyAsync(async () => (await MailForAsync(app, id)).Any(m => m.Template == "outcome"), "the outcome email");
        var outcome = (await MailForAsync(app, id)).Single(m => m.Template == "outcome");
        Assert.Contains("Acorn Care Group", outcome.Text);
        Assert.DoesNotContain("Acorn Care.", outcome.Text);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged again");

        // A job start names the employer by id; a typed name is not an employer.
        var typed = await http.PostAsJsonAsync($"/api/candidates/{id}/job-start", new { startDate = Day(7), employerName = "Acorn Care Group" });
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/candidates/{id}/job-start", new { startDate = Day(7), employerId })).StatusCode);
        await http.RenameAsync(employerId, "Acorn Homes");
        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Contains(timeline.GetProperty("events").EnumerateArray(), e => e.GetProperty("what").GetString()!.StartsWith("Started a job with Acorn Homes on ", StringComparison.Ordinal));
        Assert.Contains("Acorn Homes", await http.GetStringAsync($"/candidates/{id}/sustainment"));
    }
}
