using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Functions.Tests.Http.Programmes;
using Apprenticeships.Functions.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>One demo hub for the page tests of the advisor's day and of the administrators' programme pages.</summary>
[CollectionDefinition(Name)]
public sealed class PagesHub : ICollectionFixture<DemoHubFixture>
{
    public const string Name = "Pages on a demo hub";
}

/// <summary>
/// The advisor's pages post to the same commands as the API: each form saves on good input, and on
/// bad input answers 400 with an error summary and the message beside its field, and changes nothing.
/// </summary>
[Collection(PagesHub.Name)]
public class AdvisorPagesTests(DemoHubFixture hub)
{
    private readonly HttpClient _browser = SignIn.Browser(hub.App);

    [Fact]
    public async Task The_academy_page_shows_its_sessions_with_their_registers_and_its_members()
    {
        var page = await _browser.GetStringAsync($"/academies/{hub.AcademyId}");
        Assert.Contains("Adult Care Academy", page);
        Assert.Contains($"/academies/{hub.AcademyId}/attendance?date={hub.App.Day(3)}", page);
        Assert.Contains($"/academies/{hub.AcademyId}/attendance?date={hub.App.Day(4)}", page);
        Assert.Contains($"/candidates/{hub.Candidate("academy")}", page);
        Assert.Contains($"/academies/{hub.AcademyId}/edit", page);   // the test caller is an administrator
        Assert.Equal(HttpStatusCode.NotFound, (await _browser.GetAsync("/academies/no-such-academy")).StatusCode);
    }

    [Fact]
    public async Task A_register_with_a_member_unanswered_saves_nobody_and_says_who_then_saves_the_whole_group()
    {
        var date = hub.App.Day(4);
        var formPage = $"/academies/{hub.AcademyId}/attendance?date={date}";
        var register = await _browser.GetStringAsync(formPage);
        var fields = PageForms.RadioNames(register);
        Assert.True(fields.Count >= 2, register);
        var members = fields.Select(f => f["attended-".Length..]).ToList();

        // Everyone but the last answered: nothing is saved, and the last one's row says so.
        var partial = fields.SkipLast(1).ToDictionary(f => f, _ => "attended");
        partial["date"] = date;
        var refused = await PageForms.PostAsync(_browser, formPage, $"/academies/{hub.AcademyId}/attendance", partial);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([fields[^1]], PageForms.SummaryFields(refusedPage));
        Assert.StartsWith("Select whether", PageForms.ErrorBeside(refusedPage, fields[^1]));
        Assert.Contains("value=\"attended\" checked", refusedPage);   // what was chosen stays chosen
        foreach (var member in members) Assert.False((await hub.App.RecordsAsync(member)).HasAttendance(hub.AcademyId, date));

        // A date that is not one of the academy's sessions is refused too.
        var wrongDay = fields.ToDictionary(f => f, _ => "attended");
        wrongDay["date"] = hub.App.Day(5);
        Assert.Equal(HttpStatusCode.BadRequest, (await PageForms.PostAsync(_browser, formPage, $"/academies/{hub.AcademyId}/attendance", wrongDay)).StatusCode);

        // The whole group on one submit: the first absent, the rest present.
        var all = fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i == 0 ? "absent" : "attended");
        all["date"] = date;
        var saved = await PageForms.PostAsync(_browser, formPage, $"/academies/{hub.AcademyId}/attendance", all);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/academies/{hub.AcademyId}?attendance={date}", saved.Headers.Location?.OriginalString);
        var records = new List<ProgrammeRecord>();
        foreach (var member in members) records.AddRange((await hub.App.RecordsAsync(member)).Where(r => r.Key == RecordKeys.Attendance(hub.AcademyId, DateOnly.Parse(date))));
        Assert.Equal(members.Count, records.Count);
        Assert.Equal(AcademyAttendance.Absent, records.Single(r => r.CandidateId == members[0]).Value);
        Assert.All(records.Where(r => r.CandidateId != members[0]), r => Assert.Equal(AcademyAttendance.Present, r.Value));
        Assert.Contains("Attendance saved", await _browser.GetStringAsync(saved.Headers.Location!.OriginalString));

        // Changing a recorded answer is refused beside that member, and the other answers are kept.
        var changed = new Dictionary<string, string>(all) { [fields[0]] = "attended" };
        var conflict = await PageForms.PostAsync(_browser, formPage, $"/academies/{hub.AcademyId}/attendance", changed);
        var conflictPage = await conflict.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, conflict.StatusCode);
        Assert.Contains("cannot be changed", PageForms.ErrorBeside(conflictPage, fields[0]));
        Assert.Equal(AcademyAttendance.Absent, (await hub.App.RecordsAsync(members[0])).Single(r => r.Key == RecordKeys.Attendance(hub.AcademyId, DateOnly.Parse(date))).Value);
    }

    [Fact]
    public async Task An_outcome_with_a_job_offer_then_the_job_start_then_the_thirteen_week_check()
    {
        var member = (await hub.App.Services.GetRequiredService<Apprenticeships.Storage.Candidates.CandidateStore>().InProgrammeAsync(hub.AcademyId, null))
            .Last(c => c.Stage == CandidateStage.InSwap).Id;
        var outcomePage = $"/candidates/{member}/academy-outcome";
        Assert.Contains("Academy outcome for", await _browser.GetStringAsync(outcomePage));

        // Left early without a reason; an unsuccessful interview with an offer: refused, nothing recorded, nothing signalled.
        var noReason = await PageForms.PostAsync(_browser, outcomePage, outcomePage, new() { ["outcome"] = "DidNotComplete", ["offer"] = "None", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull(PageForms.ErrorBeside(await noReason.Content.ReadAsStringAsync(), "reason"));
        var badOffer = await PageForms.PostAsync(_browser, outcomePage, outcomePage, new() { ["outcome"] = "CompletedUnsuccessful", ["offer"] = "Job" });
        Assert.Equal(HttpStatusCode.BadRequest, badOffer.StatusCode);
        Assert.NotNull(PageForms.ErrorBeside(await badOffer.Content.ReadAsStringAsync(), "offer"));
        var madeUp = await PageForms.PostAsync(_browser, outcomePage, outcomePage, new() { ["outcome"] = "Brilliant", ["offer"] = "7" });
        var madeUpPage = await madeUp.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, madeUp.StatusCode);
        Assert.Equal(["outcome", "offer"], PageForms.SummaryFields(madeUpPage));
        Assert.DoesNotContain(await hub.App.RecordsAsync(member), r => r.Kind == RecordKind.SwapOutcome);
        Assert.Equal(CandidateStage.InSwap, (await hub.App.CandidateAsync(member)).Stage);

        var recorded = await PageForms.PostAsync(_browser, outcomePage, outcomePage, new() { ["outcome"] = "CompletedSuccessful", ["offer"] = "Job", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal($"/academies/{hub.AcademyId}?outcome={member}&offer=Job", recorded.Headers.Location?.OriginalString);
        Assert.Contains($"/candidates/{member}/job-start", await _browser.GetStringAsync(recorded.Headers.Location!.OriginalString));
        var outcome = Assert.Single(await hub.App.RecordsAsync(member), r => r.Kind == RecordKind.SwapOutcome);
        Assert.Equal(("CompletedSuccessful", "Offer: Job"), (outcome.Value, outcome.Reason));

        // The academy workflow ends and the journey makes them engaged again, ready for the job.
        await hub.App.UntilStageAsync(member, CandidateStage.Engaged);
        var jobPage = $"/candidates/{member}/job-start";
        Assert.Contains($"<option value=\"{hub.CareEmployerId}\" selected>Acorn Care", await _browser.GetStringAsync(jobPage));   // the academy's employer, to start from
        var halfDate = await PageForms.PostAsync(_browser, jobPage, jobPage, new() { ["startDate-day"] = "3", ["startDate-month"] = "", ["startDate-year"] = "2026", ["employerId"] = "" });
        var halfDatePage = await halfDate.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, halfDate.StatusCode);
        Assert.Equal(["startDate", "employerId"], PageForms.SummaryFields(halfDatePage));
        Assert.Equal("Start date must include a day, month and year.", PageForms.ErrorBeside(halfDatePage, "startDate"));
        var tooLate = await PageForms.PostAsync(_browser, jobPage, jobPage, new(PageForms.DateBoxes("startDate", hub.App.Today().AddDays(200))) { ["employerId"] = hub.CareEmployerId });
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Contains("within 92 days", PageForms.ErrorBeside(await tooLate.Content.ReadAsStringAsync(), "startDate"));
        Assert.DoesNotContain(await hub.App.RecordsAsync(member), r => r.Kind == RecordKind.JobStart);
        Assert.Equal(CandidateStage.Engaged, (await hub.App.CandidateAsync(member)).Stage);

        // Started 13 weeks ago (as late as a start may be recorded), so the first check is already due.
        var start = hub.App.Today().AddDays(-91);
        var started = await PageForms.PostAsync(_browser, jobPage, jobPage, new(PageForms.DateBoxes("startDate", start)) { ["employerId"] = hub.CareEmployerId });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal($"/candidates/{member}/sustainment?started=1", started.Headers.Location?.OriginalString);
        Assert.Equal(CandidateStage.InWork, (await hub.App.CandidateAsync(member)).Stage);
        var job = Assert.Single(await hub.App.RecordsAsync(member), r => r.Kind == RecordKind.JobStart);
        Assert.Equal((start, JobRoute.ViaSwap, hub.CareEmployerId, null), (job.Date!.Value, job.Value, job.ProgrammeId, job.Reason));

        var checks = $"/candidates/{member}/sustainment";
        var checksPage = await _browser.GetStringAsync(checks);
        Assert.Contains("Job start recorded", await _browser.GetStringAsync(started.Headers.Location!.OriginalString));
        Assert.Contains("13-week check, due", checksPage);
        Assert.DoesNotContain("26-week check, due", checksPage);   // not due for another 13 weeks

        var noAnswer = await PageForms.PostAsync(_browser, checks, checks, new() { ["week"] = "13" });
        Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
        Assert.NotNull(PageForms.ErrorBeside(await noAnswer.Content.ReadAsStringAsync(), "inWork"));
        var notDue = await PageForms.PostAsync(_browser, checks, checks, new() { ["week"] = "26", ["inWork"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, notDue.StatusCode);
        Assert.Contains("is due on", PageForms.ErrorBeside(await notDue.Content.ReadAsStringAsync(), "week"));
        Assert.DoesNotContain(await hub.App.RecordsAsync(member), r => r.Kind == RecordKind.SustainmentCheck);

        // The sustainment workflow starts a moment after the job start; until it has, the page asks to try again.
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
        {
            var answered = await PageForms.PostAsync(_browser, checks, checks, new() { ["week"] = "13", ["inWork"] = "true" });
            if (answered.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Equal($"/candidates/{member}/sustainment?recorded=13", answered.Headers.Location?.OriginalString);
                break;
            }
            var why = await answered.Content.ReadAsStringAsync();
            Assert.True(DateTime.UtcNow < deadline && why.Contains("try again in a moment"), string.Join("; ", PageForms.Summary(why)));
        }
        var check = Assert.Single(await hub.App.RecordsAsync(member), r => r.Kind == RecordKind.SustainmentCheck);
        Assert.Equal(("13", SustainmentChecks.InWork), (check.Value, check.Reason));
        Assert.Contains("13-week check recorded", await _browser.GetStringAsync($"{checks}?recorded=13"));
    }

    [Fact]
    public async Task Job_pages_for_someone_without_a_job_or_not_engaged_say_so_and_change_nothing()
    {
        var member = hub.Candidate("academy");
        var before = await hub.App.CandidateAsync(member);
        Assert.Contains("id=\"no-job\"", await _browser.GetStringAsync($"/candidates/{member}/sustainment"));
        var refused = await PageForms.PostAsync(_browser, $"/candidates/{member}/sustainment", $"/candidates/{member}/sustainment", new() { ["week"] = "13", ["inWork"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("no job start recorded", string.Join(" ", PageForms.Summary(await refused.Content.ReadAsStringAsync())));

        var jobStarter = hub.Candidate("job");
        Assert.Contains("id=\"not-engaged\"", await _browser.GetStringAsync($"/candidates/{jobStarter}/job-start"));
        var silent = hub.Candidate("silent");
        var tooSoon = await PageForms.PostAsync(_browser, $"/candidates/{silent}", $"/candidates/{silent}/job-start",
            new(PageForms.DateBoxes("startDate", hub.App.Today())) { ["employerId"] = hub.CareEmployerId });
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.Contains("Only engaged candidates", PageForms.ErrorBeside(await tooSoon.Content.ReadAsStringAsync(), "startDate"));
        Assert.DoesNotContain(await hub.App.RecordsAsync(silent), r => r.Kind == RecordKind.JobStart);
        Assert.Equal(CandidateStage.AwaitingInterest, (await hub.App.CandidateAsync(silent)).Stage);
        Assert.Equal(before.Stage, (await hub.App.CandidateAsync(member)).Stage);
        Assert.Equal(HttpStatusCode.NotFound, (await _browser.GetAsync("/candidates/c-nobody/job-start")).StatusCode);
    }
}
