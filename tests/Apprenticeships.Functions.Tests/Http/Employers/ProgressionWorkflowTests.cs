using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Application;
using Apprenticeships.Storage.Candidates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Apprenticeships.Functions.Tests.Http.Candidates;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Http.Employers.ProgressionFixture;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>
/// The in-work progression workflow, on the business clock: the employer is asked every
/// <see cref="PipelinePolicy.ProgressionIntervalWeeks"/> weeks, an update answers the round, silence
/// for <see cref="PipelinePolicy.ProgressionChaseDays"/> days alerts the advisors, and leaving ends it.
/// </summary>
public class ProgressionWorkflowTests
{
    private static readonly TimeSpan Round = TimeSpan.FromDays(7 * PipelinePolicy.ProgressionIntervalWeeks);
    private static readonly TimeSpan Chase = TimeSpan.FromDays(PipelinePolicy.ProgressionChaseDays);

    private static async Task<List<Apprenticeships.Email.PickupDelivery.PickedUp>> PromptsAsync(WebApplicationFactory<Program> app, string recipientId, string template) =>
        (await MailForAsync(app, recipientId)).Where(m => m.Template == template).OrderBy(m => m.Time).ToList();

    [Fact]
    public async Task A_member_of_staff_s_employer_is_asked_each_round_an_update_answers_silence_alerts_and_leaving_ends_it()
    {
        await using var app = await AppAsync(); // with an alerts mailbox
        var http = app.CreateClient();
        var employer = await EmployerAsync(app);
        var person = await AddStaffAsync(http, employer.Id, "Jo Progressing");

        // Round 1: the employer's primary contact is asked, naming the person, read at send time.
        await app.AdvanceAsync(Round + TimeSpan.FromHours(12));
        await EventuallyAsync(async () => (await PromptsAsync(app, person, "progression-employer")).Count == 1, "the first prompt to the employer");
        var first = (await PromptsAsync(app, person, "progression-employer")).Single();
        Assert.Equal(employer.ContactEmail, first.To);
        Assert.Contains("Jo Progressing", first.Text);
        Assert.Contains($"{PipelinePolicy.ProgressionIntervalWeeks} weeks", first.Text);
        Assert.Contains(employer.Name, first.Subject);

        // Answered: nothing new to report, which is an answer too.
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/check-ins", new { date = Day(app) });

        // Round 2 comes with no alert for round 1 (the workflow alerts before it moves on).
        await app.AdvanceAsync(Round);
        await EventuallyAsync(async () => (await PromptsAsync(app, person, "progression-employer")).Count == 2, "the second prompt");
        Assert.Empty(await UnansweredAsync(http, employer.Id, person));

        // Round 2 unanswered: the advisors are alerted once the chase period has passed.
        await app.AdvanceAsync(Chase + TimeSpan.FromHours(1));
        var week = (2 * PipelinePolicy.ProgressionIntervalWeeks).ToString();
        await EventuallyAsync(async () => (await UnansweredAsync(http, employer.Id, person)).Contains(week), "the unanswered prompt on the progression page's data");
        var open = (await app.Services.GetRequiredService<AttentionItems>().ListOpenAsync()).Single(i => i.CandidateId == person);
        Assert.Equal("ProgressionNoAnswer", open.Kind);
        Assert.Equal(employer.Id, open.Facts["employerId"]);
        await EventuallyAsync(async () => (await MailForAsync(app, "advisors")).Any(m => m.Text.Contains($"/employers/{employer.Id}/progression")), "the alert email linking the progression page");
        Assert.DoesNotContain("Jo Progressing", string.Join("\n", (await MailForAsync(app, "advisors")).Select(m => m.Text)));
        Assert.Contains((await MailForAsync(app, "advisors")), m => m.Text.Contains("on the employer's progression page"));

        // A late update takes the alert off.
        var raised = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/pay-changes",
            new { effectiveOn = Day(app), hourlyPayBefore = 11.44m, hourlyPayAfter = 12.10m });
        Assert.Equal(12.10m, raised.GetProperty("participant").GetProperty("payChanges")[0].GetProperty("hourlyPayAfter").GetDecimal());
        Assert.Empty(await UnansweredAsync(http, employer.Id, person));

        // Leaving ends the workflow; nothing more is asked or recorded.
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/leaving", new { leftOn = Day(app) }, HttpStatusCode.OK);
        var workflows = app.Services.GetRequiredService<DurableTaskClient>();
        await EventuallyAsync(async () => (await workflows.GetInstanceAsync(Application.Workflows.WorkflowInstances.Progression(person), getInputsAndOutputs: true))
            is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } done && done.SerializedOutput == "\"left\"", "the workflow ended as left");
        await app.AdvanceAsync(Round);
        Assert.Equal(2, (await PromptsAsync(app, person, "progression-employer")).Count);
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/check-ins", new { date = Day(app) }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_candidate_placed_with_a_known_employer_is_followed_from_their_job_start_and_both_they_and_the_employer_are_asked()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var employer = await EmployerAsync(app);
        var family = $"Placed{Guid.NewGuid():N}"[..14];
        var candidate = await EnrolAsync(http, Referral(family, $"{family.ToLowerInvariant()}@example.org"));
        await EventuallyAsync(async () => (await MailForAsync(app, candidate)).Any(m => m.Template == "welcome"), "welcome email");
        var link = Regex.Match((await MailForAsync(app, candidate)).Single(m => m.Template == "welcome").Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await http.PressAsync(link)).StatusCode);
        await EventuallyAsync(async () => await StageOfAsync(http, candidate) == "Engaged", "engaged");

        var started = await http.PostAsJsonAsync($"/api/candidates/{candidate}/job-start", new { startDate = Day(app), employerId = employer.Id });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var participant = await ParticipantAsync(http, employer.Id, ProgressionIds.Placed(candidate));
        Assert.Equal("PlacedCandidate", participant.GetProperty("kind").GetString());
        Assert.Equal($"Amira {family}", participant.GetProperty("name").GetString());
        // Adding them again by hand finds them: one record, one workflow.
        var again = await PostAsync(http, $"{Base(employer.Id)}/participants", new { kind = "PlacedCandidate", candidateId = candidate }, HttpStatusCode.OK);
        Assert.Equal(ProgressionIds.Placed(candidate), again.GetProperty("id").GetString());

        await app.AdvanceAsync(Round + TimeSpan.FromHours(12));
        await EventuallyAsync(async () => (await PromptsAsync(app, candidate, "progression-check")).Count == 1, "the candidate's prompt");
        await EventuallyAsync(async () => (await PromptsAsync(app, candidate, "progression-employer")).Count == 1, "the employer's prompt");
        Assert.Equal($"{family.ToLowerInvariant()}@example.org", (await PromptsAsync(app, candidate, "progression-check")).Single().To);
        Assert.Equal(employer.ContactEmail, (await PromptsAsync(app, candidate, "progression-employer")).Single().To);

        // Nobody answers: the candidate is on the attention list, named, under the new kind.
        await app.AdvanceAsync(Chase + TimeSpan.FromHours(1));
        await EventuallyAsync(async () => (await http.GetFromJsonAsync<JsonElement>("/api/attention")).EnumerateArray()
            .Any(e => e.GetProperty("candidateId").GetString() == candidate && e.GetProperty("kind").GetString() == "ProgressionNoAnswer"), "the progression alert on the attention list");
        var entry = (await http.GetFromJsonAsync<JsonElement>("/api/attention")).EnumerateArray()
            .Single(e => e.GetProperty("candidateId").GetString() == candidate && e.GetProperty("kind").GetString() == "ProgressionNoAnswer");
        Assert.Equal("In-work progression prompt not answered", entry.GetProperty("title").GetString());

        var offered = await PostAsync(http, $"{Base(employer.Id)}/participants/{ProgressionIds.Placed(candidate)}/training", new { title = "Level 2 Diploma in Care", offeredOn = Day(app) });
        Assert.DoesNotContain((await http.GetFromJsonAsync<JsonElement>("/api/attention")).EnumerateArray(),
            e => e.GetProperty("candidateId").GetString() == candidate && e.GetProperty("kind").GetString() == "ProgressionNoAnswer");
        var trainingId = offered.GetProperty("recordId").GetString()!;
        var completed = await PostAsync(http, $"{Base(employer.Id)}/participants/{ProgressionIds.Placed(candidate)}/training/{trainingId}/completion", new { completedOn = Day(app) }, HttpStatusCode.OK);
        Assert.Equal(Day(app), completed.GetProperty("participant").GetProperty("training")[0].GetProperty("completedOn").GetString());
    }
}
