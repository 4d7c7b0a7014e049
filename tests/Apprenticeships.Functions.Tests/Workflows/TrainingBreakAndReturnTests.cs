using System.Net;
using System.Text.Json;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Functions.Tests.Pages;
using Apprenticeships.Functions.Tests.Pipeline;
using Apprenticeships.Functions.Tests.Security;
using Apprenticeships.Storage.Levy;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Workflows.TrainingHub;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// A break in learning and the return from it, as the provider confirms them (issue 17): the
/// progress reviews stop for the break and start again a month after the return; the return goes to
/// the levy account through the finance API's own command, so the schedule is re-spread to the new
/// planned end exactly as <c>POST /api/finance/commitments/{id}/return</c> re-spreads it; the advisor
/// hears the learner is back; a repeated return, or one arriving after the return was taken, posts
/// nothing more. Business time moves with the test clock; every wait is on a condition.
/// </summary>
public class TrainingBreakAndReturnTests
{
    [Fact]
    public async Task A_break_and_a_return_confirmed_by_the_provider_stop_and_resume_reviews_and_re_spread_the_levy_schedule()
    {
        await using var app = await AppAsync();
        var hub = await TrainingHub.StartAsync(app, learners: 1);
        var d = hub.Driver;
        var learner = hub.Learners[0];
        Task<List<Apprenticeships.Email.PickupDelivery.PickedUp>> ReviewsAsync() => d.MailAsync("progress-review", [learner]);
        async Task<List<Apprenticeships.Email.PickupDelivery.PickedUp>> AlertsAsync(string says) => [.. (await d.AlertsAsync([learner])).Where(m => m.Text.Contains(says))];

        // A month in, the first progress review; then the provider confirms a break from that day.
        await d.ToAsync(PipelineDriver.Noon(hub.Start.AddMonths(1)));
        await d.UntilMailAsync("progress-review", [learner], 1);
        var breakDay = d.Today;
        await hub.ConfirmAsync(new { reference = "break-1", candidateId = learner, kind = "BreakInLearning", date = Day(breakDay) }, HttpStatusCode.Created);
        await d.UntilAsync(async () => (await hub.ScheduleAsync(learner)).GetProperty("status").GetString() == "OnBreak", "the levy schedule on a break");
        await d.UntilAsync(async () => (await AlertsAsync("On a break in learning")).Count == 1, "the advisor told of the break");

        // Three months on the break, then back through the provider portal with a planned end three months later.
        await d.ToAsync(PipelineDriver.Noon(breakDay.AddMonths(3)));
        var returnDay = d.Today;
        var newEnd = hub.PlannedEnd.AddMonths(3);
        var portal = await SignIn.AsProviderAsync(app, hub.ProviderKey);
        var form = await PortalForm.OpenAsync(portal, $"/provider/learners/{learner}/return",
            PortalForm.Fields(PortalForm.Date("date", returnDay), PortalForm.Date("newPlannedEnd", newEnd)));
        var (_, landed) = await form.SendAndFollowAsync();
        Assert.Contains($"Recorded: a return from a break in learning for Amira Khan ({learner}).", landed);
        // The same return again through the API, under the reference the portal made: recognised as recorded, and the workflow takes its reference once.
        var again = await hub.ConfirmAsync(new { reference = form.Reference, candidateId = learner, kind = "ReturnFromBreak", date = Day(returnDay), newPlannedEnd = Day(newEnd) }, HttpStatusCode.OK);
        Assert.Equal("AlreadyRecorded", again.GetProperty("status").GetString());

        await d.UntilAsync(async () => (await AlertsAsync("Back in learning")).Count == 1, "the advisor told the learner is back");
        // Every step the workflow took during the break is done by now: not one review fell due while it lasted.
        Assert.Single(await ReviewsAsync());
        var back = Assert.Single(await AlertsAsync("Back in learning"));
        Assert.Contains($"Back in learning from {Apprenticeships.Application.Words.Date(returnDay)} after a break (commitment {Commitment(learner)}); the new planned end is {Apprenticeships.Application.Words.Date(newEnd)}", back.Text);
        Assert.DoesNotContain("Amira", back.Text + back.Subject);
        Assert.DoesNotContain("example.org", back.Text + back.Subject);

        // The schedule is re-spread to the new planned end, exactly as the finance API's return re-spreads a
        // commitment with the same terms, break and return.
        var schedule = await hub.ScheduleAsync(learner);
        Assert.Equal(("Active", Day(newEnd)), (schedule.GetProperty("status").GetString(), schedule.GetProperty("plannedEndDate").GetString()));
        Assert.Equal((await TwinScheduleAsync(hub, breakDay, returnDay, newEnd)).GetProperty("payments").ToString(), schedule.GetProperty("payments").ToString());
        var instalments = schedule.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Instalment").ToList();
        var resumed = instalments.SkipWhile(p => string.CompareOrdinal(p.GetProperty("earnedMonth").GetString(), returnDay.ToString("yyyy-MM")) < 0).ToList();
        var lastCensus = newEnd == new DateOnly(newEnd.Year, newEnd.Month, 1).AddMonths(1).AddDays(-1) ? newEnd : new DateOnly(newEnd.Year, newEnd.Month, 1).AddDays(-1);
        Assert.Equal(returnDay.ToString("yyyy-MM"), resumed[0].GetProperty("earnedMonth").GetString());
        Assert.Equal(lastCensus.ToString("yyyy-MM"), resumed[^1].GetProperty("earnedMonth").GetString());
        Assert.Equal((lastCensus.Year - returnDay.Year) * 12 + lastCensus.Month - returnDay.Month + 1, resumed.Count);
        Assert.Single(resumed.SkipLast(1).Select(p => p.GetProperty("amount").GetDecimal()).Distinct());
        Assert.Equal(5_600m, instalments.Sum(p => p.GetProperty("amount").GetDecimal()));   // 80% of £7,000, all of it, no more

        // A late return under another reference (as if it had raced past the API's check) is taken but posts nothing.
        await d.ToAsync(PipelineDriver.Noon(returnDay.AddDays(1)));
        var late = new TrainingConfirmation(ConfirmationKind.ReturnFromBreak, d.Today, null, newEnd.AddMonths(1));
        Assert.Equal(SignalResult.Delivered, await app.Services.GetRequiredService<IWorkflows>().ConfirmTrainingAsync(learner, late, "late-return", default));
        await d.UntilAsync(async () => (await hub.TrainingStatusAsync(learner))?.GetProperty("lastConfirmation").GetString() == Day(d.Today), "the late return taken");
        var status = (await hub.TrainingStatusAsync(learner))!.Value;
        Assert.Equal((false, Day(newEnd)), (status.GetProperty("onBreak").GetBoolean(), status.GetProperty("plannedEnd").GetString()));
        var record = await app.Services.GetRequiredService<CommitmentRepository>().FindAsync(Commitment(learner));
        Assert.Equal([new CommitmentEvent(CommitmentEventKind.ReturnFromBreak, returnDay, newEnd)], record!.Events.Where(e => e.Kind == CommitmentEventKind.ReturnFromBreak));
        Assert.Single(await AlertsAsync("Back in learning"));

        // The reviews start again a month after the return.
        await d.ToAsync(PipelineDriver.Noon(returnDay.AddMonths(1)));
        await d.UntilMailAsync("progress-review", [learner], 2);
        var resumedReview = (await ReviewsAsync()).OrderBy(m => m.Time).Last();
        Assert.Contains(returnDay.AddMonths(1).AddDays(7).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), resumedReview.Text);
    }

    /// <summary>A commitment on the learner's terms, taken through the same break and return by the finance API.</summary>
    private static async Task<JsonElement> TwinScheduleAsync(TrainingHub hub, DateOnly breakDay, DateOnly returnDay, DateOnly newEnd)
    {
        var d = hub.Driver;
        var twin = Testing.LocalAzurite.UniqueName("twin");
        await d.PostAsync("/api/finance/commitments", new
        {
            commitmentId = twin, employerId = hub.EmployerId, agreedPrice = 7_000m, fundingBandMaximum = 7_000m, startDate = Day(hub.Start),
            plannedEndDate = Day(hub.PlannedEnd), apprenticeAgeAtStart = 22, hasEhcPlan = false, isCareLeaver = false,
        }, HttpStatusCode.Created);
        await d.PostAsync($"/api/finance/commitments/{twin}/break", new { date = Day(breakDay) }, HttpStatusCode.OK);
        return await d.PostAsync($"/api/finance/commitments/{twin}/return", new { date = Day(returnDay), newPlannedEnd = Day(newEnd) }, HttpStatusCode.OK);
    }
}
