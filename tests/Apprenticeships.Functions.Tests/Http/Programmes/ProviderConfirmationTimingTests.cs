using System.Net;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Functions.Tests.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Workflows.TrainingHub;

namespace Apprenticeships.Functions.Tests.Http.Programmes;

/// <summary>
/// A provider's confirmation for a learner whose training workflow is not running (the moment between the
/// journey moving them into training and starting it) is refused before anything is written: recorded but
/// never heard by the workflow, a break would never reach the levy account.
/// </summary>
public class ProviderConfirmationTimingTests
{
    [Fact]
    public async Task A_confirmation_the_training_workflow_cannot_take_is_refused_and_records_nothing()
    {
        await using var app = await Candidates.CandidateJourneyTests.AppAsync();
        var hub = await TrainingHub.StartAsync(app, learners: 1);
        var learner = hub.Learners[0];
        // Stands in for the workflow not having started yet: it is not running, though the learner is in training.
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        await client.TerminateInstanceAsync(WorkflowInstances.Training(Commitment(learner)), "test: not running");
        await hub.Driver.UntilAsync(async () => !await app.Services.GetRequiredService<IWorkflows>().TrainingRunningAsync(learner, default), "the training workflow stopped");
        var timeline = await hub.Driver.Http.GetStringAsync($"/api/candidates/{learner}/timeline");

        var refused = await hub.ConfirmAsync(new { reference = "break-1", candidateId = learner, kind = "BreakInLearning", date = Day(hub.Driver.Today) }, HttpStatusCode.Conflict);

        Assert.Contains("has not started yet", refused.GetProperty("errors").GetProperty("candidateId")[0].GetString());
        Assert.Equal(timeline, await hub.Driver.Http.GetStringAsync($"/api/candidates/{learner}/timeline"));
        Assert.Equal("Active", (await hub.ScheduleAsync(learner)).GetProperty("status").GetString());
    }
}
