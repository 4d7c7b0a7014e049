using System.Net;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Functions.Tests.Pipeline;
using Apprenticeships.Functions.Tests.Security;
using Apprenticeships.Functions.Tests.Workflows;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Workflows.TrainingHub;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>
/// One provider with a learner of each kind the portal meets: six in training on a cohort (one to
/// confirm milestones, hours and gateway for, one for an EPA result, one for a break, one already on
/// a break for the return, one withdrawn and one completed through the API, both no longer theirs to
/// see) and one on an academy whose session was today, a week after the training started.
/// </summary>
public sealed class PortalHubFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    internal TrainingHub Hub { get; private set; } = null!;
    public string InLearning => Hub.Learners[0];
    public string ForEpa => Hub.Learners[1];
    public string ForBreak => Hub.Learners[2];
    public string OnBreak => Hub.Learners[3];
    public string Withdrawn => Hub.Learners[4];
    public string Completed => Hub.Learners[5];
    public string AcademyMember { get; private set; } = "";
    public string AcademyId { get; } = LocalAzurite.UniqueName("academy");
    public DateOnly Today => Hub.Driver.Today;

    public async Task InitializeAsync()
    {
        App = await AppAsync();
        Hub = await TrainingHub.StartAsync(App, learners: 6);
        var d = Hub.Driver;
        await Hub.ConfirmAsync(new { reference = "break-1", candidateId = OnBreak, kind = "BreakInLearning", date = Day(d.Today) }, HttpStatusCode.Created);
        await Hub.ConfirmAsync(new { reference = "epa-1", candidateId = Completed, kind = "EpaResult", date = Day(d.Today), grade = "Pass" }, HttpStatusCode.Created);
        await d.PostAsync($"/api/candidates/{Withdrawn}/withdraw", new { reason = "Moved out of the area" }, HttpStatusCode.OK);
        await d.UntilStageAsync([Completed], "Completed");
        await d.UntilStageAsync([Withdrawn], "Withdrawn");
        await d.UntilAsync(async () => (await Hub.ScheduleAsync(OnBreak)).GetProperty("status").GetString() == "OnBreak", "the break in the levy account");

        // A week on, so that a return can follow the break; an academy of the same provider holds a session that day.
        await d.ToAsync(PipelineDriver.Noon(d.Today.AddDays(7)));
        var careId = (await d.PostAsync("/api/employers", new { name = "Acorn Care", sector = "Adult care", isLevyPayer = false }, HttpStatusCode.Created)).GetProperty("id").GetString();
        await d.PostAsync("/api/academies", new
        {
            id = AcademyId, name = "Care Academy", employerId = careId, sector = "Adult care", providerId = Hub.ProviderKey.Split('.')[0],
            place = "County Hall", sessions = new[] { Day(Today) }, placementStart = Day(Today.AddDays(1)), placementEnd = Day(Today.AddDays(7)),
            interviewDate = Day(Today.AddDays(10)), costPerPlace = 450m,
        }, HttpStatusCode.Created);
        AcademyMember = await EnrolAsync(d.Http, Referral(family: "Osei", email: $"member.{Guid.NewGuid():N}@example.org"));
        await d.UntilStageAsync([AcademyMember], "AwaitingInterest");
        await App.Services.GetRequiredService<IWorkflows>().AnswerInterestAsync(AcademyMember, InterestAnswer.Confirmed, "link-confirmed", default);
        await d.UntilStageAsync([AcademyMember], "Engaged");
        await d.PostAsync($"/api/academies/{AcademyId}/members", new { candidateId = AcademyMember }, HttpStatusCode.Created);
        await d.UntilStageAsync([AcademyMember], "InSwap");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The provider portal (issue 16): a list of current learners only, and for each learner one short
/// form per kind of confirmation, asking only its own fields. Each form goes through the provider
/// API's command: good input is recorded and says so; bad input answers 400 with an error summary
/// and the message beside the field, and records nothing; the same form sent twice (the reference
/// the portal made when it showed the form comes back with it) is recorded once.
/// </summary>
public class ProviderPortalPagesTests(PortalHubFixture hub) : IClassFixture<PortalHubFixture>
{
    /// <summary>A case: the form's address under the learner, whose learner it is, its good fields and its bad ones with the field they are wrong in.</summary>
    public sealed record Case(string Kind, ConfirmationKind Value, string Noun, Func<PortalHubFixture, string> Learner,
        Func<PortalHubFixture, Dictionary<string, string>> Good, Func<PortalHubFixture, Dictionary<string, string>> Bad, string BadField, string BadMessage,
        Func<PortalHubFixture, string>? Shown = null)
    {
        /// <summary>Whose form is looked at or refused: the learner, unless recording their confirmation ends what the form is for (an EPA pass completes them).</summary>
        public string ShownFor(PortalHubFixture hub) => (Shown ?? Learner)(hub);
    }

    private static readonly Case[] All =
    [
        new("attendance", ConfirmationKind.Attendance, "attendance at a session", h => h.AcademyMember,
            h => new() { ["date"] = Day(h.Today), ["attended"] = "yes" },
            h => new() { ["date"] = Day(h.Today) }, "attended", "Attended is required."),
        new("milestone", ConfirmationKind.Milestone, "a training milestone", h => h.InLearning,
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), new() { ["detail"] = "Care Certificate complete" }),
            h => PortalForm.Date("date", h.Today), "detail", "The milestone is required."),
        new("hours", ConfirmationKind.OffTheJobHours, "off-the-job training hours", h => h.InLearning,
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), new() { ["hours"] = "7.5", ["detail"] = "Moving and handling course" }),
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), new() { ["hours"] = "1001" }), "hours", "Hours must be more than 0 and at most 1000."),
        new("gateway", ConfirmationKind.Gateway, "gateway (ready for end-point assessment)", h => h.InLearning,
            h => PortalForm.Date("date", h.Today),
            h => PortalForm.Date("date", h.Today.AddDays(1)), "date", "A confirmation cannot be dated in the future."),
        new("epa-result", ConfirmationKind.EpaResult, "the end-point assessment result", h => h.ForEpa,
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), new() { ["grade"] = "Merit" }),
            h => PortalForm.Date("date", h.Today), "grade", "Grade is required.", Shown: h => h.InLearning),
        new("break", ConfirmationKind.BreakInLearning, "a break in learning", h => h.ForBreak,
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), new() { ["detail"] = "Family reasons" }),
            h => new() { ["date-day"] = "31", ["date-month"] = "2", ["date-year"] = "2027" }, "date", "First day of the break must be a real date, like 27 3 2026."),
        new("return", ConfirmationKind.ReturnFromBreak, "a return from a break in learning", h => h.OnBreak,
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), PortalForm.Date("newPlannedEnd", h.Today.AddYears(1))),
            h => PortalForm.Fields(PortalForm.Date("date", h.Today), PortalForm.Date("newPlannedEnd", h.Today)), "newPlannedEnd",
            "The new planned end date must be after the return date."),
    ];

    public static TheoryData<string> Kinds() => [.. All.Select(c => c.Kind)];

    private static Case Of(string kind) => All.Single(c => c.Kind == kind);

    private string ProviderId => hub.Hub.ProviderKey.Split('.')[0];

    private Task<HttpClient> PortalAsync() => SignIn.AsProviderAsync(hub.App, hub.Hub.ProviderKey);

    private async Task<List<ProgrammeRecord>> ConfirmationsAsync(string learner, ConfirmationKind kind) =>
        [.. (await hub.App.RecordsAsync(learner)).Where(r => r.Kind == RecordKind.Confirmation && r.Value == kind.ToString())];

    [Fact]
    public async Task The_portal_lists_current_learners_only_and_offers_the_confirmations_that_fit_each()
    {
        var portal = await PortalAsync();
        var list = await portal.GetStringAsync("/provider");

        foreach (var current in new[] { hub.InLearning, hub.ForBreak, hub.OnBreak, hub.AcademyMember })
            Assert.Contains($"href=\"/provider/learners/{current}\"", list);
        Assert.DoesNotContain(hub.Completed, list);
        Assert.DoesNotContain(hub.Withdrawn, list);
        Assert.Contains("Cohort: Adult care intake", list);
        Assert.Contains("Academy: Care Academy", list);
        // One form for everything no more: no field on the list, and no reference for the provider to make up.
        Assert.DoesNotContain("<input class=\"govuk-input", list);
        Assert.DoesNotContain("Your reference", list);

        var member = await portal.GetStringAsync($"/provider/learners/{hub.AcademyMember}");
        Assert.Contains($"href=\"/provider/learners/{hub.AcademyMember}/attendance\"", member);
        Assert.DoesNotContain($"/provider/learners/{hub.AcademyMember}/milestone", member);
        var learner = await portal.GetStringAsync($"/provider/learners/{hub.InLearning}");
        foreach (var kind in new[] { "milestone", "hours", "gateway", "epa-result", "break", "return" })
            Assert.Contains($"href=\"/provider/learners/{hub.InLearning}/{kind}\"", learner);
        Assert.DoesNotContain($"/provider/learners/{hub.InLearning}/attendance", learner);

        // Finished or left, not on the list, not to be opened; nor a form that does not fit the learner.
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/provider/learners/{hub.Completed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/provider/learners/{hub.Withdrawn}/milestone")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/provider/learners/{hub.InLearning}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/provider/learners/{hub.InLearning}/no-such-kind")).StatusCode);
    }

    [Theory]
    [InlineData("attendance", "attended")]
    [InlineData("milestone", "detail")]
    [InlineData("hours", "hours detail")]
    [InlineData("gateway", "detail")]
    [InlineData("epa-result", "grade detail")]
    [InlineData("break", "detail")]
    [InlineData("return", "newPlannedEnd detail")]
    public async Task Each_short_form_asks_only_its_own_fields(string kind, string fields)
    {
        var page = await (await PortalAsync()).GetStringAsync($"/provider/learners/{Of(kind).ShownFor(hub)}/{kind}");
        var asked = new[] { "attended", "detail", "hours", "grade", "newPlannedEnd", "candidateId", "kind" }
            .Where(f => page.Contains($"name=\"{f}", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(fields.Split(' ').Order().ToList(), asked);
        // Every form has its date: the session's on the attendance form, date boxes on the others.
        Assert.Contains(kind == "attendance" ? $"name=\"date\" type=\"radio\" value=\"{Day(hub.Today)}\"" : "name=\"date-day\"", page);
        Assert.Contains("name=\"__RequestVerificationToken\"", page);
        Assert.Matches("<input type=\"hidden\" name=\"reference\" value=\"portal-[0-9a-f]{32}\">", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_short_form_records_its_confirmation_once_however_often_it_is_sent(string kind)
    {
        var c = Of(kind);
        var learner = c.Learner(hub);
        var before = (await ConfirmationsAsync(learner, c.Value)).Count;
        var form = await PortalForm.OpenAsync(await PortalAsync(), $"/provider/learners/{learner}/{kind}", c.Good(hub));

        var (first, landed) = await form.SendAndFollowAsync();
        Assert.StartsWith($"/provider?recorded={kind}&learner={learner}", first.Headers.Location!.OriginalString);
        Assert.Contains($"Recorded: {c.Noun} for ", landed);
        Assert.Contains(learner, landed);
        var recorded = Assert.Single(await ConfirmationsAsync(learner, c.Value), r => r.Key == RecordKeys.Confirmation(ProviderId, form.Reference));
        Assert.Equal(before + 1, (await ConfirmationsAsync(learner, c.Value)).Count);
        if (kind == "attendance") Assert.True((await hub.App.RecordsAsync(learner)).HasAttendance(hub.AcademyId, Day(hub.Today)));
        if (kind == "hours") Assert.Equal(7.5m, recorded.Amount);

        // The same form again (a second press of the button, a resend after a lost answer): the same reference, recorded once.
        var (again, landedAgain) = await form.SendAndFollowAsync();
        Assert.EndsWith("&again=1", again.Headers.Location!.OriginalString);
        Assert.Contains($"Already recorded: {c.Noun} for ", landedAgain);
        Assert.Equal(before + 1, (await ConfirmationsAsync(learner, c.Value)).Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_short_form_with_bad_input_shows_the_problem_beside_its_field_and_records_nothing(string kind)
    {
        var c = Of(kind);
        var learner = c.ShownFor(hub);
        var before = await hub.App.RecordsAsync(learner);
        var form = await PortalForm.OpenAsync(await PortalAsync(), $"/provider/learners/{learner}/{kind}", c.Bad(hub));

        var response = await form.SendAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: ", page);
        Assert.Contains(c.BadMessage, PageForms.Summary(page));
        Assert.Equal(c.BadField, PageForms.SummaryFields(page)[0]);
        Assert.Equal(c.BadMessage, PageForms.ErrorBeside(page, c.BadField));
        // The form keeps its reference, so sending it again once put right is still the one confirmation.
        Assert.Contains($"<input type=\"hidden\" name=\"reference\" value=\"{form.Reference}\">", page);
        Assert.Contains("name=\"__RequestVerificationToken\"", page);
        Assert.Equal(before.Count, (await hub.App.RecordsAsync(learner)).Count);
    }

    [Theory]
    [InlineData("attendance", "Choose the session.")]
    [InlineData("hours", "Enter the last day of the period.")]
    [InlineData("return", "Enter the date back in learning.")]
    public async Task A_short_form_sent_empty_asks_for_its_date_in_its_own_words(string kind, string message)
    {
        var form = await PortalForm.OpenAsync(await PortalAsync(), $"/provider/learners/{Of(kind).ShownFor(hub)}/{kind}", []);

        var response = await form.SendAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, PageForms.ErrorBeside(page, "date"));
        Assert.Contains("date", PageForms.SummaryFields(page));
    }

    [Fact]
    public async Task The_same_form_sent_again_with_other_answers_is_refused_and_offered_as_a_new_confirmation()
    {
        var learner = hub.InLearning;
        var portal = await PortalAsync();
        var form = await PortalForm.OpenAsync(portal, $"/provider/learners/{learner}/milestone",
            PortalForm.Fields(PortalForm.Date("date", hub.Today), new() { ["detail"] = "Level 2 maths" }));
        await form.SendAndFollowAsync();
        var changed = await PortalForm.OpenAsync(portal, $"/provider/learners/{learner}/milestone",
            PortalForm.Fields(PortalForm.Date("date", hub.Today), new() { ["detail"] = "Level 2 English", ["reference"] = form.Reference }));
        var before = (await ConfirmationsAsync(learner, ConfirmationKind.Milestone)).Count;

        var response = await changed.SendAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("This form was already sent with different answers", PageForms.ErrorBeside(page, "detail"));
        Assert.DoesNotContain($"value=\"{form.Reference}\"", page);
        Assert.Equal(before, (await ConfirmationsAsync(learner, ConfirmationKind.Milestone)).Count);
    }

    [Fact]
    public async Task A_learner_who_is_not_the_providers_cannot_be_confirmed_through_the_portal()
    {
        var portal = await PortalAsync();
        var form = await PortalForm.OpenAsync(portal, $"/provider/learners/{hub.InLearning}/gateway", PortalForm.Date("date", hub.Today));
        var other = await EnrolAsync(hub.Hub.Driver.Http, Referral(family: "Nobody", email: $"other.{Guid.NewGuid():N}@example.org"));

        var response = await form.SendToAsync($"/provider/learners/{other}/gateway");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await ConfirmationsAsync(other, ConfirmationKind.Gateway));
    }
}
