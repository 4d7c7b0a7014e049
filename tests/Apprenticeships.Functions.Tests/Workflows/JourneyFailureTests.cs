using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Programmes;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// A step no retry can mend stops the journey at once; staff see why on the candidate's record,
/// put it right, and run the journey again from the failed step.
/// </summary>
public class JourneyFailureTests
{
    [Fact]
    public async Task A_journey_stopped_by_a_missing_academy_shows_the_reason_and_carries_on_when_staff_retry_it()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var workflows = app.Services.GetRequiredService<IWorkflows>();
        var id = await EnrolAsync(http);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"/api/candidates/{id}/journey/retry", null)).StatusCode); // running, not failed

        await workflows.AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-1", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        var academyId = $"a{Guid.NewGuid():N}"[..12];
        await workflows.AssignAsync(id, new Assignment(AssignmentKind.Academy, academyId, null), "assign-1", default); // no such academy yet

        JsonElement candidate = default;
        await EventuallyAsync(async () => (candidate = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("journey").GetString() == "Failed", "journey failed");
        Assert.Contains($"No academy '{academyId}'", candidate.GetProperty("journeyFailure").GetString());
        Assert.Contains("Retry the journey", await http.GetStringAsync($"/candidates/{id}"));

        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        await RepeatedSignalTests.AcademyAsync(http, today, academyId);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/candidates/{id}/journey/retry", null)).StatusCode);

        // Carried on from the failed step: the academy's workflow runs and takes its outcome.
        var outcome = new SwapResult(SwapOutcome.CompletedUnsuccessful, SwapOffer.None);
        await EventuallyAsync(async () => await workflows.RecordSwapOutcomeAsync(id, academyId, outcome, "outcome-1", default) == SignalResult.Delivered, "the academy workflow running again");
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged after the academy");
        // And keeps taking the advisor's steps. (After a rewind the engine's status row says Pending until the journey ends.)
        await workflows.AssignAsync(id, new Assignment(AssignmentKind.Job, null, today.AddDays(7)), "job-1", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "InWork", "in work after the retry");
        Assert.Null((await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}")).GetProperty("journeyFailure").GetString());
        Assert.Single(await MailForAsync(app, id), m => m.Template == "welcome"); // nothing before the failed step ran again
    }
}
