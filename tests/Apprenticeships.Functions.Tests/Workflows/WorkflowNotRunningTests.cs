using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Functions.Tests.Http.Employers;
using Apprenticeships.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Workflows.TrainingHub;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// A fact for a workflow that is not running (the moment between the journey moving a candidate into a stage and
/// starting that stage's workflow, or after it has ended) is refused before anything is written: recorded but never
/// heard, a break would never reach the levy account and a sustainment answer would never end the checks.
/// </summary>
public class WorkflowNotRunningTests
{
    [Fact]
    public async Task A_confirmation_the_training_workflow_cannot_take_is_refused_and_records_nothing()
    {
        await using var app = await AppAsync();
        var hub = await TrainingHub.StartAsync(app, learners: 1);
        var learner = hub.Learners[0];
        // Stands in for the workflow not having started yet: it is not running, though the learner is in training.
        await app.Services.GetRequiredService<DurableTaskClient>().TerminateInstanceAsync(WorkflowInstances.Training(Commitment(learner)), "test: not running");
        await hub.Driver.UntilAsync(async () => !await app.Services.GetRequiredService<IWorkflows>().IsRunningAsync(WorkflowInstances.Training(Commitment(learner)), default),
            "the training workflow stopped");
        var timeline = await hub.Driver.Http.GetStringAsync($"/api/candidates/{learner}/timeline");

        var refused = await hub.ConfirmAsync(new { reference = "break-1", candidateId = learner, kind = "BreakInLearning", date = Day(hub.Driver.Today) }, HttpStatusCode.Conflict);

        Assert.Contains("has not started yet", refused.GetProperty("errors").GetProperty("candidateId")[0].GetString());
        Assert.Equal(timeline, await hub.Driver.Http.GetStringAsync($"/api/candidates/{learner}/timeline"));
        Assert.Equal("Active", (await hub.ScheduleAsync(learner)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task After_leaving_work_at_13_weeks_the_26_week_answer_is_refused_and_the_13_week_answer_repeats_as_recorded()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        var employerId = await http.NewEmployerAsync("Acorn Care");
        var id = await EnrolAsync(http, Referral(email: $"worker.{Guid.NewGuid():N}@example.org"));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        await app.Services.GetRequiredService<IWorkflows>().AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-confirmed", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/candidates/{id}/job-start", new { startDate = today.ToString("yyyy-MM-dd"), employerId })).StatusCode);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "InWork", "in work");
        await app.AdvanceAsync(TimeSpan.FromDays(7 * 26));
        await EventuallyAsync(async () => (await MailForAsync(app, id)).Any(m => m.Template == "sustainment-check"), "the 13-week check");

        var left = await http.PostAsJsonAsync($"/api/candidates/{id}/sustainment", new { week = 13, inWork = false });
        Assert.True(left.StatusCode == HttpStatusCode.OK, await left.Content.ReadAsStringAsync());
        Assert.Equal("Recorded", (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Withdrawn", "left work");
        await EventuallyAsync(async () => !await app.Services.GetRequiredService<IWorkflows>().IsRunningAsync(WorkflowInstances.Sustainment(id), default), "the checks ended");
        var timeline = await http.GetStringAsync($"/api/candidates/{id}/timeline");

        var late = await http.PostAsJsonAsync($"/api/candidates/{id}/sustainment", new { week = 26, inWork = true });
        var again = await http.PostAsJsonAsync($"/api/candidates/{id}/sustainment", new { week = 13, inWork = false });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("checks have ended", problem.GetProperty("errors").GetProperty("id")[0].GetString());
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        Assert.Equal("AlreadyRecorded", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(timeline, await http.GetStringAsync($"/api/candidates/{id}/timeline"));
    }
}
