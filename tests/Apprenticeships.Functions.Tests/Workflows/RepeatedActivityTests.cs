using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Attention;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Email;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Workflows;
using Apprenticeships.Workflows.Activities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// The engine runs an activity at least once: a worker that dies after the work and before the
/// engine records it runs it again. Each side-effecting activity, run twice with the same
/// input (and so the same idempotency key), must leave one email, one alert (one email and one
/// stored attention item), one timeline row.
/// </summary>
public class RepeatedActivityTests
{
    [Fact]
    public async Task Emails_alerts_and_stage_changes_happen_once_when_their_activity_runs_twice()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var id = await EnrolAsync(http);
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        var before = (await MailForAsync(app, id)).Count;

        var email = new Keyed<CandidateEmail>("test-journey#90", new CandidateEmail(id, "confirm-interest-nudge"));
        var alert = new Keyed<AdvisorAlert>("test-journey#91", new AdvisorAlert(id, AttentionKind.NoAnswer, new Dictionary<string, string> { [AttentionFacts.Days] = "7" })
        {
            At = DateTime.UtcNow,
        });
        var stage = new Keyed<StageChange>("test-journey#92", new StageChange(id, CandidateStage.Engaged, "The candidate confirmed their interest.") { At = DateTime.UtcNow });
        for (var run = 0; run < 2; run++)
        {
            await RunAsync<SendCandidateEmail, Keyed<CandidateEmail>, bool>(app, email);
            await RunAsync<AlertAdvisor, Keyed<AdvisorAlert>, bool>(app, alert);
            await RunAsync<RecordCandidateStage, Keyed<StageChange>, bool>(app, stage);
        }

        Assert.Equal(before + 1, (await MailForAsync(app, id)).Count);
        Assert.Single(await MailForAsync(app, "advisors"), m => m.Subject.Contains(id));
        var stored = Assert.Single(await app.Services.GetRequiredService<AttentionItems>().ForCandidateAsync(id));
        Assert.Equal(("test-journey#91", nameof(AttentionKind.NoAnswer)), (stored.Key, stored.Kind));
        var timeline = await http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline");
        Assert.Single(StageEvents(timeline), e => e.GetProperty("stage").GetString() == "Engaged");
    }

    [Fact]
    public async Task The_levy_commitment_its_break_return_and_completion_are_recorded_once_when_their_activities_run_twice()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var demo = await (await http.PostAsync("/api/dev/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        var cohortId = demo.GetProperty("cohortId").GetString()!;
        var employerId = demo.GetProperty("employerId").GetString()!;
        var apprentice = demo.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("branch").GetString()!.StartsWith("cohort", StringComparison.Ordinal)).GetProperty("id").GetString()!;

        TrainingInput? started = null;
        for (var run = 0; run < 2; run++)
            started = await RunAsync<StartApprenticeship, IntakeInput, TrainingInput>(app, new IntakeInput(apprentice, cohortId));
        // A break and the return from it (the finance API's command), then completion: each posted twice.
        var pause = new TrainingEnd(apprentice, started!.CommitmentId, Domain.Programmes.ConfirmationKind.BreakInLearning, started.StartDate.AddMonths(2), null);
        for (var run = 0; run < 2; run++)
            await RunAsync<EndTraining, TrainingEnd, bool>(app, pause);
        var back = new TrainingReturn(started.CommitmentId, started.StartDate.AddMonths(4), started.PlannedEndDate.AddMonths(2));
        for (var run = 0; run < 2; run++)
            Assert.Equal(new ReturnPosted(true, null), await RunAsync<PostReturnFromBreak, TrainingReturn, ReturnPosted>(app, back));
        var ended = new TrainingEnd(apprentice, started.CommitmentId, Domain.Programmes.ConfirmationKind.EpaResult, started.StartDate.AddMonths(12), Domain.Programmes.EpaGrade.Merit);
        for (var run = 0; run < 2; run++)
            await RunAsync<EndTraining, TrainingEnd, bool>(app, ended);

        var commitments = await app.Services.GetRequiredService<Storage.Levy.CommitmentRepository>().ListByEmployerAsync(employerId);
        var commitment = Assert.Single(commitments, c => c.Commitment.Id == started.CommitmentId);
        Assert.Single(commitment.Events, e => e.Kind == Domain.Levy.Commitments.CommitmentEventKind.BreakInLearning);
        Assert.Single(commitment.Events, e => e.Kind == Domain.Levy.Commitments.CommitmentEventKind.ReturnFromBreak);
        Assert.Single(commitment.Events, e => e.Kind == Domain.Levy.Commitments.CommitmentEventKind.Completion);
        var records = await app.Services.GetRequiredService<Storage.Programmes.ProgrammeRecords>().ForCandidateAsync(apprentice);
        Assert.Single(records, r => r.Kind == Domain.Programmes.RecordKind.ApprenticeshipStart);
        Assert.Single(records, r => r.Kind == Domain.Programmes.RecordKind.Achievement);
    }

    /// <summary>Runs an activity the way the engine's worker does: a fresh instance from the app's services.</summary>
    private static Task<TOut> RunAsync<TActivity, TIn, TOut>(WebApplicationFactory<Program> app, TIn input) where TActivity : TaskActivity<TIn, TOut> =>
        ActivatorUtilities.CreateInstance<TActivity>(app.Services).RunAsync(new StepContext(typeof(TActivity).Name), input);

    private sealed class StepContext(string name) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId => "test-journey";
    }
}
