using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Application;
using Apprenticeships.Application.Candidates;
using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Finance.Commands;
using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Application.Providers.Commands;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>
/// Candidates at every stage a link can meet them, on one app: a candidate per case, put where the
/// case needs them through the application's own commands and the workflow port (as the demo hub
/// does), then 18 business days on, so that the silent ones are closed as no response, an
/// academy's first session is over and its next to come, and a cohort has started training.
/// Candidates still waiting for their answer are enrolled after the clock move.
/// </summary>
public sealed class LinkStagesFixture : IAsyncLifetime
{
    public const string FamilyName = "Ravensholme";

    private static readonly string[] BeforeTheMove =
    [
        "silent-nudge", "silent-decline", "engaged-confirm", "engaged-decline", "engaged-leave", "inswap-decline", "inswap-coming",
        "inswap-past", "inswap-leave", "inwork-decline", "inwork-leave", "cohort-decline", "training-leave", "withdrawn-confirm",
        "withdrawn-coming", "declined-decline", "after-academy-coming", "erased",
    ];

    private static readonly string[] AfterTheMove = ["awaiting-confirm", "awaiting-decline", "awaiting-confirm-then-decline", "awaiting-decline-then-confirm"];

    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string AcademyId { get; private set; } = "";
    public DateOnly PastSession { get; private set; }
    public DateOnly NextSession { get; private set; }
    /// <summary>Each case's candidate, by the case's name.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        App = await AppAsync();
        Http = App.CreateClient();
        var s = App.Services;
        var ct = CancellationToken.None;
        var tag = RandomNumberGenerator.GetHexString(6, lowercase: true);
        var today = s.GetRequiredService<TimeProvider>().Today();
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (PastSession, NextSession) = (today.AddDays(16), today.AddDays(22));

        var provider = (await s.GetRequiredService<ProviderKeys>().RegisterAsync(new RegisterProvider($"links-provider-{tag}", "Links Training"), ct)).Done.Account;
        var employerId = $"links-employer-{tag}";
        _ = (await s.GetRequiredService<LevyEmployers>().AddEmployerAsync(new AddEmployer(employerId, "Links Employer", IsLevyPayer: false, IsSme: true), ct)).Done;
        AcademyId = (await s.GetRequiredService<AcademyCreation>().CreateAsync(new CreateAcademy($"links-academy-{tag}", "Care Academy", employerId, "Adult care",
            provider.Id, "County Hall", [Day(16), Day(22)], Day(23), Day(27), Day(28), CostPerPlace: 450m), ct)).Done.Id;
        var cohorts = s.GetRequiredService<CohortCreation>();
        var startsSoon = (await cohorts.CreateAsync(new CreateCohort($"links-soon-{tag}", "Spring intake", "Adult care worker (level 2)", employerId, provider.Id,
            Day(17), DurationMonths: 12, AgreedPrice: 7_000m, FundingBandMaximum: 7_000m), ct)).Done.Id;
        var startsLater = (await cohorts.CreateAsync(new CreateCohort($"links-later-{tag}", "Summer intake", "Adult care worker (level 2)", employerId, provider.Id,
            Day(60), DurationMonths: 12, AgreedPrice: 7_000m, FundingBandMaximum: 7_000m), ct)).Done.Id;

        await EnrolAsync(BeforeTheMove, tag);
        var workflows = s.GetRequiredService<IWorkflows>();
        await UntilAsync(BeforeTheMove, "AwaitingInterest");
        // As if they had pressed their welcome email's buttons before these changes (no record of the answer, as the demo hub does).
        await workflows.AnswerInterestAsync(Ids["declined-decline"], InterestAnswer.Declined, "link-declined", ct);
        var engaged = BeforeTheMove.Where(n => !n.StartsWith("silent", StringComparison.Ordinal) && n != "declined-decline").ToList();
        foreach (var name in engaged) await workflows.AnswerInterestAsync(Ids[name], InterestAnswer.Confirmed, "link-confirmed", ct);
        await UntilAsync(engaged, "Engaged");
        await UntilAsync(["declined-decline"], "Withdrawn");

        var assign = s.GetRequiredService<CandidateAssignments>();
        foreach (var name in new[] { "inswap-decline", "inswap-coming", "inswap-past", "inswap-leave", "withdrawn-coming", "after-academy-coming" })
            _ = (await assign.AddToAcademyAsync(AcademyId, new AddMember(Ids[name]), ct)).Done;
        foreach (var name in new[] { "inwork-decline", "inwork-leave" })
            _ = (await assign.RecordJobStartAsync(Ids[name], new RecordJobStart(Day(1), employerId), ct)).Done;
        _ = (await assign.AddToCohortAsync(startsLater, new AddMember(Ids["cohort-decline"]), ct)).Done;
        _ = (await assign.AddToCohortAsync(startsSoon, new AddMember(Ids["training-leave"]), ct)).Done;
        var withdrawal = s.GetRequiredService<CandidateWithdrawal>();
        foreach (var name in new[] { "withdrawn-confirm", "withdrawn-coming" })
            _ = (await withdrawal.WithdrawAsync(Ids[name], new WithdrawCandidate("Moved out of the area"), ct)).Done;
        // The outcome goes to the candidate's academy workflow, which the journey starts once it has taken the assignment.
        var outcome = new RecordAcademyOutcome(Ids["after-academy-coming"], SwapOutcome.DidNotComplete, null, "Found the hours too long");
        await EventuallyAsync(async () => (await s.GetRequiredService<AcademyOutcomes>().RecordAsync(AcademyId, outcome, ct)).Succeeded, "the academy outcome recorded");
        _ = (await s.GetRequiredService<CandidateErasure>().EraseAsync(Ids["erased"], new EraseCandidate("Asked to be forgotten"), "test-admin", ct)).Done;

        await App.AdvanceAsync(TimeSpan.FromDays(18));
        await UntilAsync(["silent-nudge", "silent-decline"], "NoResponse");
        await UntilAsync(["training-leave"], "InTraining");
        await UntilAsync(["after-academy-coming"], "Engaged");

        await EnrolAsync(AfterTheMove, tag);
        await UntilAsync(AfterTheMove, "AwaitingInterest");
    }

    private async Task EnrolAsync(IEnumerable<string> names, string tag)
    {
        var enrolment = App.Services.GetRequiredService<CandidateEnrolment>();
        foreach (var name in names)
        {
            var candidate = (await enrolment.EnrolAsync(new EnrolCandidate("Ottoline", FamilyName, $"{name}.{tag}@example.org", "WR1 2AB", new DateOnly(2001, 5, 17),
                ReferralSource.JobcentreWorkCoach, Consent: true, "Public task", "advisor-1"), CancellationToken.None)).Done;
            Ids[name] = candidate.Id;
        }
    }

    private Task UntilAsync(IEnumerable<string> names, string stage) =>
        EventuallyAsync(async () =>
        {
            foreach (var name in names)
                if (await StageOfAsync(Http, Ids[name]) != stage) return false;
            return true;
        }, $"{string.Join(", ", names)} at {stage}", TimeSpan.FromSeconds(120));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every link kind at every stage it can meet: what the page says on the first press and on a
/// second, and what changed — the stage (and withdrawal reason), the timeline, and the advisor
/// alert (by candidate id, never a name), or that none was sent.
/// </summary>
public class CandidateLinkAnswerTests(LinkStagesFixture hub) : IClassFixture<LinkStagesFixture>
{
    /// <param name="Before">Another link of theirs pressed first (its page must say <paramref name="BeforeSays"/>).</param>
    /// <param name="Says">What the page says on the first press; <paramref name="Again"/> on a second press of the same link.</param>
    /// <param name="Event">A timeline entry (stage change or fact) that must appear.</param>
    /// <param name="Alert">What the advisor alert says; null when no alert may come from the link.</param>
    public sealed record Case(LinkPurpose Purpose, string Session, string Says, string Again, string Stage,
        string? Reason = null, string? Event = null, string? Alert = null, LinkPurpose? Before = null, string? BeforeSays = null, HttpStatusCode Status = HttpStatusCode.OK);

    private const string Next = "next", Past = "past", None = "";

    public static readonly Dictionary<string, Case> Cases = new()
    {
        // Welcome email and nudges: confirm interest.
        ["awaiting-confirm"] = new(LinkPurpose.ConfirmInterest, None, "Thank you for confirming", "You have already told us you are interested", "Engaged",
            Event: "Used their email link to confirm interest."),
        ["engaged-confirm"] = new(LinkPurpose.ConfirmInterest, None, "You have already told us you are interested", "You have already told us you are interested", "Engaged"),
        ["withdrawn-confirm"] = new(LinkPurpose.ConfirmInterest, None, "Your referral was closed on", "We had already told the hub that you came back", "Withdrawn",
            Event: "after their record was closed", Alert: "came back through their email link to confirm interest after their record was closed (Withdrawn since"),
        ["awaiting-decline-then-confirm"] = new(LinkPurpose.ConfirmInterest, None, "We have told the hub that you came back", "We had already told the hub that you came back", "Withdrawn",
            Reason: LinkAnswerRules.DeclinedReason, Alert: "came back through their email link to confirm interest", Before: LinkPurpose.Decline, BeforeSays: "We will not contact you again"),
        ["erased"] = new(LinkPurpose.ConfirmInterest, None, "Your record has been erased", "Your record has been erased", "", Status: HttpStatusCode.Gone),

        // Welcome email: decline.
        ["awaiting-decline"] = new(LinkPurpose.Decline, None, "We will not contact you again", "You have already told us you do not want to take part", "Withdrawn",
            Reason: LinkAnswerRules.DeclinedReason, Event: "The candidate said they do not want to take part."),
        ["awaiting-confirm-then-decline"] = new(LinkPurpose.Decline, None, "You had told us you were interested", "You have already told us you do not want to take part", "Withdrawn",
            Reason: LinkAnswerRules.DeclinedAfterConfirmingReason, Event: "declined through their email link after confirming interest",
            Alert: "after confirming interest, and has been withdrawn as they asked", Before: LinkPurpose.ConfirmInterest, BeforeSays: "Thank you for confirming"),
        ["engaged-decline"] = new(LinkPurpose.Decline, None, "we have taken you off the programme", "You have already told us you do not want to take part", "Withdrawn",
            Reason: LinkAnswerRules.DeclinedAfterConfirmingReason, Event: "declined through their email link after confirming interest",
            Alert: "declined through their email link after confirming interest, and has been withdrawn as they asked (their own choice)"),
        ["inswap-decline"] = new(LinkPurpose.Decline, None, "You are on an academy, so this link has not taken you off the programme", "We had already told your advisor", "InSwap",
            Event: "not withdrawn at this stage", Alert: "asked through their email link to stop hearing from the hub while on an academy; they have not been withdrawn"),
        ["inwork-decline"] = new(LinkPurpose.Decline, None, "You are in work, so this link has not taken you off the programme", "We had already told your advisor", "InWork",
            Alert: "to stop hearing from the hub while in work"),
        ["cohort-decline"] = new(LinkPurpose.Decline, None, "You are about to start an apprenticeship", "We had already told your advisor", "AwaitingCohort",
            Alert: "to stop hearing from the hub while awaiting cohort"),
        ["silent-decline"] = new(LinkPurpose.Decline, None, "because we had not heard from you", "Your referral is already closed", "NoResponse"),
        ["declined-decline"] = new(LinkPurpose.Decline, None, "You have already told us you do not want to take part", "You have already told us you do not want to take part", "Withdrawn",
            Reason: LinkAnswerRules.DeclinedReason),

        // Session reminders: I am coming.
        ["inswap-coming"] = new(LinkPurpose.ConfirmAttendance, Next, "We look forward to seeing you on", "You have already told us you are coming on", "InSwap",
            Event: "Said they are coming to the session on"),
        ["inswap-past"] = new(LinkPurpose.ConfirmAttendance, Past, "has passed, so we have not recorded a reply", "has passed, so we have not recorded a reply", "InSwap"),
        ["after-academy-coming"] = new(LinkPurpose.ConfirmAttendance, Next, "Your place on this academy has ended", "Your place on this academy has ended", "Engaged"),
        ["withdrawn-coming"] = new(LinkPurpose.ConfirmAttendance, Next, "We have told the hub that you came back", "We had already told the hub that you came back", "Withdrawn",
            Event: "after their record was closed", Alert: "came back through their email link to say they are coming to the session of academy"),

        // Session reminders: leave the programme.
        ["inswap-leave"] = new(LinkPurpose.Withdraw, None, "You have left the programme", "You have already left the programme", "Withdrawn",
            Reason: CandidateWithdrawal.LeftReason, Event: "The candidate left the programme through their email link.",
            Alert: "left the programme through their email link, and has been withdrawn as they asked"),
        ["engaged-leave"] = new(LinkPurpose.Withdraw, None, "You have left the programme", "You have already left the programme", "Withdrawn",
            Reason: CandidateWithdrawal.LeftReason, Alert: "left the programme through their email link"),
        ["inwork-leave"] = new(LinkPurpose.Withdraw, None, "You are in work, so this link has not taken you off the programme", "We had already told your advisor", "InWork",
            Event: "Used their email link to leave the programme: not withdrawn at this stage", Alert: "asked through their email link to leave the programme while in work"),
        ["training-leave"] = new(LinkPurpose.Withdraw, None, "You are on an apprenticeship", "We had already told your advisor", "InTraining",
            Alert: "asked through their email link to leave the programme while in training"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_link_answer_is_checked_against_the_stage_and_the_page_says_what_happened(string name)
    {
        var c = Cases[name];
        var id = hub.Ids[name];
        if (c.Before is { } before) Assert.Contains(c.BeforeSays!, await PressAsync(id, before, None, HttpStatusCode.OK));

        Assert.Contains(c.Says, await PressAsync(id, c.Purpose, c.Session, c.Status));
        Assert.Contains(c.Again, await PressAsync(id, c.Purpose, c.Session, c.Status));

        if (c.Status == HttpStatusCode.Gone)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await hub.Http.GetAsync($"/api/candidates/{id}")).StatusCode);
            return;
        }
        await EventuallyAsync(async () => await StageOfAsync(hub.Http, id) == c.Stage, $"{name} at {c.Stage}");
        var candidate = await hub.Http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}");
        if (c.Reason is not null) Assert.Equal(c.Reason, candidate.GetProperty("withdrawalReason").GetString());
        if (c.Event is not null)
            await EventuallyAsync(async () => (await EventsAsync(id)).Any(e => e.Contains(c.Event, StringComparison.Ordinal)), $"'{c.Event}' on {name}'s timeline");

        if (c.Alert is not null)
        {
            await EventuallyAsync(async () => (await LinkAlertsAsync(id)).Any(a => a.Text.Contains(c.Alert, StringComparison.OrdinalIgnoreCase)), $"advisor alert for {name}");
            var alert = Assert.Single(await LinkAlertsAsync(id)); // pressed twice, told once
            Assert.Contains(id, alert.Subject);
            Assert.DoesNotContain(LinkStagesFixture.FamilyName, alert.Text);
            Assert.DoesNotContain("Ottoline", alert.Text);
        }
        else
        {
            Assert.Empty(await LinkAlertsAsync(id));
        }
    }

    [Fact]
    public async Task The_day_five_nudge_pressed_after_the_referral_closed_as_no_response_says_so_and_tells_the_advisor()
    {
        var id = hub.Ids["silent-nudge"];
        // The last email they had: the second nudge, sent on day 5, whose link works until day 19.
        var nudge = (await MailForAsync(hub.App, id)).Where(m => m.Template == "confirm-interest-nudge").OrderByDescending(m => m.Time).First();
        var link = Regex.Match(nudge.Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await hub.Http.GetAsync(link)).StatusCode);

        var pressed = await hub.Http.PressAsync(link);
        var page = await pressed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("Your referral was closed", page);
        Assert.Contains("because we had not heard from you", page);
        Assert.Contains("We have told the hub that you came back", page);
        Assert.DoesNotContain("Thank you for confirming", page);

        await EventuallyAsync(async () => (await LinkAlertsAsync(id)).Any(a => a.Text.Contains("to confirm interest after their record was closed (No response since", StringComparison.OrdinalIgnoreCase)), "the came-back alert");
        Assert.Contains(await EventsAsync(id), e => e.StartsWith("Used their email link to confirm interest after their record was closed", StringComparison.Ordinal));
        Assert.Equal("NoResponse", await StageOfAsync(hub.Http, id));
        Assert.Contains("We had already told the hub", await (await hub.Http.PressAsync(link)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_press_without_the_pages_anti_forgery_token_answers_nothing()
    {
        var id = hub.Ids["inswap-past"];
        var response = await hub.Http.PostAsync(Link(id, LinkPurpose.Withdraw, None), null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync());
        Assert.Equal("InSwap", await StageOfAsync(hub.Http, id));
    }

    private async Task<string> PressAsync(string id, LinkPurpose purpose, string session, HttpStatusCode status)
    {
        var response = await hub.Http.PressAsync(Link(id, purpose, session));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{purpose}: {(int)response.StatusCode} {page}");
        return page;
    }

    /// <summary>A link as the emails carry it, made by the app's own link service.</summary>
    private string Link(string id, LinkPurpose purpose, string session)
    {
        var context = session switch
        {
            Next => $"{hub.AcademyId}/{hub.NextSession:yyyy-MM-dd}",
            Past => $"{hub.AcademyId}/{hub.PastSession:yyyy-MM-dd}",
            _ => null,
        };
        return new Uri(hub.App.Services.GetRequiredService<CandidateLinks>().Create(id, purpose, TimeSpan.FromDays(14), context)).AbsolutePath;
    }

    private async Task<List<string>> EventsAsync(string id) =>
        (await hub.Http.GetFromJsonAsync<JsonElement>($"/api/candidates/{id}/timeline")).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("what").GetString()!).ToList();

    /// <summary>Alerts about the candidate that came from their link (the journey's own alerts, such as "no academy for 14 days", left out).</summary>
    private async Task<List<PickupDelivery.PickedUp>> LinkAlertsAsync(string id) =>
        (await MailForAsync(hub.App, "advisors")).Where(m => m.Subject.Contains(id) && m.Text.Contains("email link")).ToList();
}
