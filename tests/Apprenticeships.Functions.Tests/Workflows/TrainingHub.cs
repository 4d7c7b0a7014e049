using System.Net;
using System.Text.Json;
using Apprenticeships.Application;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Functions.Tests.Http.Candidates;
using Apprenticeships.Functions.Tests.Pipeline;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// The least a training test needs: a provider, a levy employer, a twelve-month cohort starting
/// tomorrow (£7,000, band £7,000) and learners accepted onto it, taken into training by moving the
/// business clock to the start. Lighter than the demo hub: no academy, no other candidates.
/// </summary>
internal sealed class TrainingHub
{
    private TrainingHub(WebApplicationFactory<Program> app) => (App, Driver) = (app, new PipelineDriver(app));

    public WebApplicationFactory<Program> App { get; }
    public PipelineDriver Driver { get; }
    public string ProviderKey { get; private set; } = "";
    public string EmployerId { get; private set; } = "";
    public string CohortId { get; private set; } = "";
    public DateOnly Start { get; private set; }
    public DateOnly PlannedEnd => Start.AddMonths(12).AddDays(-1);
    public IReadOnlyList<string> Learners { get; private set; } = [];

    public static async Task<TrainingHub> StartAsync(WebApplicationFactory<Program> app, int learners)
    {
        var hub = new TrainingHub(app);
        var d = hub.Driver;
        hub.ProviderKey = (await d.PostAsync("/api/providers", new { id = LocalAzurite.UniqueName("skills"), name = "Care Skills Training" }, HttpStatusCode.Created))
            .GetProperty("apiKey").GetString()!;
        hub.EmployerId = LocalAzurite.UniqueName("council");
        await d.PostAsync("/api/finance/employers", new { employerId = hub.EmployerId, name = "Worcestershire County Council", isLevyPayer = true, isSme = false }, HttpStatusCode.Created);
        hub.Start = d.Today.AddDays(1);
        hub.CohortId = LocalAzurite.UniqueName("cohort");
        await d.PostAsync("/api/cohorts", new
        {
            id = hub.CohortId, name = "Adult care intake", standardName = "Adult care worker (level 2)", employerId = hub.EmployerId,
            providerId = hub.ProviderKey.Split('.')[0], startDate = Day(hub.Start), durationMonths = 12, agreedPrice = 7_000m, fundingBandMaximum = 7_000m,
        }, HttpStatusCode.Created);

        var ids = new List<string>();
        for (var i = 0; i < learners; i++)
            ids.Add(await CandidateJourneyTests.EnrolAsync(d.Http, CandidateJourneyTests.Referral(email: $"learner.{Guid.NewGuid():N}@example.org")));
        await d.UntilStageAsync(ids, "AwaitingInterest");
        var workflows = app.Services.GetRequiredService<IWorkflows>();
        foreach (var id in ids) await workflows.AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-confirmed", default);
        await d.UntilStageAsync(ids, "Engaged");
        foreach (var id in ids) await d.PostAsync($"/api/cohorts/{hub.CohortId}/members", new { candidateId = id }, HttpStatusCode.Created);
        // The intake workflows have started once the week's notice has gone (the start is less than a week off).
        await d.UntilMailAsync("cohort-start", ids, ids.Count);
        await d.ToAsync(PipelineDriver.Noon(hub.Start));
        await d.UntilTrainingAsync(ids);
        hub.Learners = ids;
        return hub;
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static string Commitment(string learner) => CommitmentIds.Of(learner);

    public Task<JsonElement> ScheduleAsync(string learner) => Driver.GetAsync($"/api/finance/commitments/{Commitment(learner)}/schedule");

    /// <summary>What the learner's training workflow says it is doing (its custom status).</summary>
    public async Task<JsonElement?> TrainingStatusAsync(string learner)
    {
        var instance = await App.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(WorkflowInstances.Training(Commitment(learner)), getInputsAndOutputs: false);
        return instance?.SerializedCustomStatus is { } status ? JsonDocument.Parse(status).RootElement.Clone() : null;
    }

    /// <summary>A provider confirmation through the API, with the hub's provider key.</summary>
    public Task<JsonElement> ConfirmAsync(object confirmation, HttpStatusCode expected) =>
        Driver.PostAsync("/api/providers/confirmations", confirmation, expected, ProviderKey);
}
