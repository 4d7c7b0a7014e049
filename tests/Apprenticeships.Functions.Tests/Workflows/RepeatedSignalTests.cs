using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Functions.Tests.Http.Candidates;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// The engine delivers a re-raised event again. Every signal carries a reference, and a workflow
/// takes each reference once: raising each signal twice must change nothing the second time.
/// </summary>
public class RepeatedSignalTests
{
    [Fact]
    public async Task Interest_assignment_and_academy_outcome_raised_twice_each_act_once()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var workflows = app.Services.GetRequiredService<IWorkflows>();
        var today = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime);
        var academyId = await AcademyAsync(http, today);
        var id = await EnrolAsync(http);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");

        for (var i = 0; i < 2; i++) Assert.Equal(SignalResult.Delivered, await workflows.AnswerInterestAsync(id, InterestAnswer.Confirmed, "link-1", default));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "engaged");

        var academy = new Assignment(AssignmentKind.Academy, academyId, null);
        for (var i = 0; i < 2; i++) await workflows.AssignAsync(id, academy, "assign-1", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "InSwap", "in the academy");

        // The academy's workflow starts just after the stage moves: the first outcome goes once it runs, the second repeats it.
        var outcome = new SwapResult(SwapOutcome.CompletedUnsuccessful, SwapOffer.None);
        await EventuallyAsync(async () => await workflows.RecordSwapOutcomeAsync(id, academyId, outcome, "outcome-1", default) == SignalResult.Delivered, "the academy workflow running");
        Assert.Equal(SignalResult.Delivered, await workflows.RecordSwapOutcomeAsync(id, academyId, outcome, "outcome-1", default));
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "Engaged", "back to engaged after the academy");

        // Had the journey taken the repeated assignment, it would be back in the academy and the
        // job start below would wait behind it.
        await workflows.AssignAsync(id, new Assignment(AssignmentKind.Job, null, today.AddDays(7)), "job-1", default);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "InWork", "in work");

        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Equal(["AwaitingInterest", "Engaged", "InSwap", "Engaged", "InWork"],
            StageEvents(timeline).Select(e => e.GetProperty("stage").GetString()));
        Assert.Single(await MailForAsync(app, id), m => m.Template == "outcome");
    }

    [Fact]
    public async Task Sustainment_answers_and_training_confirmations_raised_twice_each_act_once()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var workflows = app.Services.GetRequiredService<IWorkflows>();
        var demo = await (await http.PostAsync("/api/dev/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        string Branch(string start) => demo.GetProperty("candidates").EnumerateArray()
            .First(c => c.GetProperty("branch").GetString()!.StartsWith(start, StringComparison.Ordinal)).GetProperty("id").GetString()!;
        var (worker, apprentice) = (Branch("job"), Branch("cohort"));

        // Past the cohort's start (day 28) and the job's 13-week check (day 7 + 91).
        await app.AdvanceAsync(TimeSpan.FromDays(100));
        await EventuallyAsync(async () => await StageOfAsync(http, apprentice) == "InTraining" && await workflows.IsRunningAsync(WorkflowInstances.Training(CommitmentIds.Of(apprentice)), default),
            "in training", TimeSpan.FromSeconds(90));
        await EventuallyAsync(async () => (await MailForAsync(app, worker)).Any(m => m.Template == "sustainment-check"), "the 13-week check", TimeSpan.FromSeconds(90));

        var epa = new TrainingConfirmation(ConfirmationKind.EpaResult, DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime), EpaGrade.Merit);
        for (var i = 0; i < 2; i++) Assert.Equal(SignalResult.Delivered, await workflows.ConfirmTrainingAsync(apprentice, epa, "epa-1", default));
        for (var i = 0; i < 2; i++) Assert.Equal(SignalResult.Delivered, await workflows.AnswerSustainmentAsync(worker, new SustainmentAnswer(13, InWork: false), "answer-13", default));

        await EventuallyAsync(async () => await StageOfAsync(http, apprentice) == "Completed", "apprenticeship achieved");
        await EventuallyAsync(async () => await StageOfAsync(http, worker) == "Withdrawn", "left work at 13 weeks");
        Assert.Single(await MailForAsync(app, apprentice), m => m.Template == "completion");
        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{worker}/timeline");
        Assert.Single(StageEvents(timeline), e => e.GetProperty("stage").GetString() == "Withdrawn");
    }

    internal static async Task<string> AcademyAsync(HttpClient http, DateOnly today, string? academyId = null)
    {
        var providerId = $"p{Guid.NewGuid():N}"[..12];
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/providers", new { id = providerId, name = "Care Skills Training" })).StatusCode);
        academyId ??= $"a{Guid.NewGuid():N}"[..12];
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        var employer = await http.PostAsJsonAsync("/api/employers", new { name = "Acorn Care", sector = "Adult care", isLevyPayer = false, isSme = true });
        Assert.True(employer.StatusCode == HttpStatusCode.Created, await employer.Content.ReadAsStringAsync());
        var employerId = (await employer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var created = await http.PostAsJsonAsync("/api/academies", new
        {
            id = academyId, name = "Adult Care Academy", employerId, sector = "Adult care", providerId, place = "County Hall",
            sessions = new[] { Day(3), Day(4) }, placementStart = Day(7), placementEnd = Day(18), interviewDate = Day(21), costPerPlace = 450m,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return academyId;
    }
}
