using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Http.Employers.ProgressionFixture;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>The progression API's records, its refusals (400 naming the field, nothing changed), and erasing a member of staff.</summary>
public class ProgressionApiTests(ProgressionApiTests.App app) : IClassFixture<ProgressionApiTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WebApplicationFactory<Program> Factory { get; private set; } = null!;

        public async Task InitializeAsync() => Factory = await AppAsync();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private HttpClient Http => app.Factory.CreateClient();

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "/reviews", """{"date":"2026-13-01","needs":["Dementia care"],"plan":"Two staff a quarter","advisorId":"carys"}""", "date" },
        { "/reviews", """{"date":"{today}","needs":[],"plan":"Two staff a quarter","advisorId":"carys"}""", "needs" },
        { "/reviews", """{"date":"{today}","needs":["Dementia\ncare"],"plan":"Two staff a quarter","advisorId":"carys"}""", "needs" },
        { "/reviews", """{"date":"{today}","needs":["Dementia care"],"plan":"","advisorId":"carys"}""", "plan" },
        { "/reviews", """{"date":"{today}","needs":["Dementia care"],"plan":"Plan","advisorId":"car ys"}""", "advisorId" },
        { "/reviews", """{"date":"2200-01-01","needs":["Dementia care"],"plan":"Plan","advisorId":"carys"}""", "date" },
        { "/participants", """{"kind":"Contractor","name":"Jo"}""", "kind" },
        { "/participants", """{"name":"Jo","jobTitle":"Cook"}""", "kind" },
        { "/participants", """{"kind":"EmployerStaff","name":"---","jobTitle":"Cook"}""", "name" },
        { "/participants", """{"kind":"EmployerStaff","name":"Jo Bloggs","jobTitle":""}""", "jobTitle" },
        { "/participants", """{"kind":"EmployerStaff","name":"Jo Bloggs","jobTitle":"Cook","from":"2001-01-01"}""", "from" },
        { "/participants", """{"kind":"PlacedCandidate"}""", "candidateId" },
        { "/participants/{person}/training", """{"title":"","offeredOn":"{today}"}""", "title" },
        { "/participants/{person}/training", """{"title":"First aid","offeredOn":"soon"}""", "offeredOn" },
        { "/participants/{person}/pay-changes", """{"effectiveOn":"{today}"}""", "hourlyPayAfter" },
        { "/participants/{person}/pay-changes", """{"effectiveOn":"{today}","hourlyPayBefore":11.44,"hourlyPayAfter":12.105}""", "hourlyPayAfter" },
        { "/participants/{person}/pay-changes", """{"effectiveOn":"{today}","hourlyPayBefore":11.44}""", "hourlyPayAfter" },
        { "/participants/{person}/pay-changes", """{"effectiveOn":"{today}","hourlyPayBefore":"lots","hourlyPayAfter":12}""", "hourlyPayBefore" },
        { "/participants/{person}/pay-changes", """{"effectiveOn":"{today}","weeklyHoursBefore":16,"weeklyHoursAfter":200}""", "weeklyHoursAfter" },
        { "/participants/{person}/pay-changes", """{"effectiveOn":"1999-12-31","weeklyHoursBefore":16,"weeklyHoursAfter":20}""", "effectiveOn" },
        { "/participants/{person}/check-ins", """{"date":"{tomorrow}"}""", "date" },
        { "/participants/{person}/leaving", """{"leftOn":"{tomorrow}"}""", "leftOn" },
        { "/participants/{person}/leaving", """{"leftOn":"2020-01-01"}""", "leftOn" },
        { "/participants/{person}/erase", """{"reason":""}""", "reason" },
        { "/headcount", """{"date":"{today}","headcount":-1,"leavers":0}""", "headcount" },
        { "/headcount", """{"date":"{today}","headcount":40}""", "leavers" },
        { "/headcount", """{"date":"{tomorrow}","headcount":40,"leavers":2}""", "date" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing(string path, string body, string field)
    {
        var http = Http;
        var employer = await EmployerAsync(app.Factory);
        var person = await AddStaffAsync(http, employer.Id);
        var before = await http.GetStringAsync(Base(employer.Id));
        var json = body.Replace("{today}", Day(app.Factory)).Replace("{tomorrow}", Day(app.Factory, 1));
        var response = await http.PostAsync(Base(employer.Id) + path.Replace("{person}", person), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
        Assert.Equal(before, await http.GetStringAsync(Base(employer.Id)));
    }

    [Fact]
    public async Task Unknown_employers_participants_and_training_are_404_naming_the_field()
    {
        var http = Http;
        var employer = await EmployerAsync(app.Factory);
        var person = await AddStaffAsync(http, employer.Id);
        var other = await EmployerAsync(app.Factory);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Base("emp-nobody"))).StatusCode);
        await PostAsync(http, $"{Base("emp-nobody")}/headcount", new { date = Day(app.Factory), headcount = 4, leavers = 0 }, HttpStatusCode.NotFound);
        // A participant is found only under their own employer.
        var elsewhere = await PostAsync(http, $"{Base(other.Id)}/participants/{person}/check-ins", new { date = Day(app.Factory) }, HttpStatusCode.NotFound);
        Assert.True(elsewhere.GetProperty("errors").TryGetProperty("participantId", out _));
        var noTraining = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training/t-nothing/completion", new { completedOn = Day(app.Factory) }, HttpStatusCode.BadRequest);
        Assert.True(noTraining.GetProperty("errors").TryGetProperty("trainingId", out _));
        var noCandidate = await PostAsync(http, $"{Base(employer.Id)}/participants", new { kind = "PlacedCandidate", candidateId = "c-nobody" }, HttpStatusCode.NotFound);
        Assert.True(noCandidate.GetProperty("errors").TryGetProperty("candidateId", out _));
    }

    [Fact]
    public async Task A_review_training_and_a_headcount_return_are_recorded_and_listed()
    {
        var http = Http;
        var employer = await EmployerAsync(app.Factory);
        await PostAsync(http, $"{Base(employer.Id)}/reviews", new { date = Day(app.Factory), needs = new[] { "Dementia care", " Medication " }, plan = "Two staff on the Level 3 diploma by spring", advisorId = "carys" });
        var person = await AddStaffAsync(http, employer.Id);
        var offered = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training", new { title = "Moving and handling", offeredOn = Day(app.Factory, -3) });
        var trainingId = offered.GetProperty("recordId").GetString()!;
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training/{trainingId}/completion", new { completedOn = Day(app.Factory, -4) }, HttpStatusCode.BadRequest);
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training/{trainingId}/completion", new { completedOn = Day(app.Factory) }, HttpStatusCode.OK);
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training/{trainingId}/completion", new { completedOn = Day(app.Factory) }, HttpStatusCode.OK); // a retry
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training/{trainingId}/completion", new { completedOn = Day(app.Factory, -1) }, HttpStatusCode.BadRequest);
        await PostAsync(http, $"{Base(employer.Id)}/headcount", new { date = Day(app.Factory), headcount = 40, leavers = 3 });
        await PostAsync(http, $"{Base(employer.Id)}/headcount", new { date = Day(app.Factory), headcount = 41, leavers = 3 }, HttpStatusCode.OK); // a correction

        var view = await http.GetFromJsonAsync<JsonElement>(Base(employer.Id));
        var review = Assert.Single(view.GetProperty("reviews").EnumerateArray());
        Assert.Equal(["Dementia care", "Medication"], review.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        var listed = Assert.Single(view.GetProperty("participants").EnumerateArray());
        Assert.Equal("Jo Bloggs", listed.GetProperty("name").GetString());
        Assert.Equal("Care assistant", listed.GetProperty("jobTitle").GetString());
        Assert.Equal(Day(app.Factory), listed.GetProperty("training")[0].GetProperty("completedOn").GetString());
        Assert.Equal(41, Assert.Single(view.GetProperty("headcountReturns").EnumerateArray()).GetProperty("headcount").GetInt32());
    }

    /// <summary>The page's forms carry a reference made when shown, so a double click or a resend records one offer and one change.</summary>
    [Fact]
    public async Task The_person_page_sent_twice_records_one_training_offer_and_one_pay_change()
    {
        var employer = await EmployerAsync(app.Factory);
        var person = await AddStaffAsync(Http, employer.Id);
        var browser = Security.SignIn.Browser(app.Factory);
        var page = $"/employers/{employer.Id}/progression/{person}";
        var shown = await browser.GetStringAsync(page);
        string Hidden(string name) => System.Text.RegularExpressions.Regex.Match(shown, $"name=\"{name}\" value=\"([^\"]+)\"").Groups[1].Value;
        var (training, pay) = (Hidden("training-reference"), Hidden("pay-reference"));
        Assert.NotEqual("", training);
        Assert.NotEqual(training, pay);
        var today = Pages.PageForms.Today(app.Factory);

        for (var i = 0; i < 2; i++)
        {
            var offered = await Security.SignIn.PostFormAsync(browser, page, $"{page}/training", new(Pages.PageForms.DateBoxes("training-offeredOn", today))
            {
                ["training-title"] = "Level 3 Diploma in Adult Care", ["training-reference"] = training,
            });
            Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
            var changed = await Security.SignIn.PostFormAsync(browser, page, $"{page}/pay", new(Pages.PageForms.DateBoxes("pay-effectiveOn", today))
            {
                ["pay-hourlyPayBefore"] = "11.44", ["pay-hourlyPayAfter"] = "12.10", ["pay-reference"] = pay,
            });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var saved = (await Http.GetFromJsonAsync<JsonElement>(Base(employer.Id))).GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("id").GetString() == person);
        Assert.Equal((1, 1), (saved.GetProperty("training").GetArrayLength(), saved.GetProperty("payChanges").GetArrayLength()));
        Assert.DoesNotContain(training, await browser.GetStringAsync(page));   // the next form shown is a new one
    }

    /// <summary>
    /// A request whose answer was lost (the app killed mid-request, bench/chaos/kill-during-offers) is sent again:
    /// with the caller's reference it is the same training or pay change, answered 200 with the same record id.
    /// </summary>
    [Fact]
    public async Task Training_and_pay_changes_sent_again_with_the_same_reference_are_recorded_once()
    {
        var http = Http;
        var employer = await EmployerAsync(app.Factory);
        var person = await AddStaffAsync(http, employer.Id);
        var training = new { title = "Moving and handling", offeredOn = Day(app.Factory), reference = "hr-4411" };
        var first = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training", training);
        var again = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training", training, HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("recordId").GetString(), again.GetProperty("recordId").GetString());
        var pay = new { effectiveOn = Day(app.Factory), hourlyPayBefore = 12.60m, hourlyPayAfter = 13.10m, reference = "payroll-77" };
        var rise = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/pay-changes", pay);
        Assert.Equal(rise.GetProperty("recordId").GetString(),
            (await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/pay-changes", pay, HttpStatusCode.OK)).GetProperty("recordId").GetString());
        // Another reference is another record; a reference that could not be an id is refused naming it.
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training", training with { reference = "hr-4412" });
        var bad = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training", training with { reference = "hr 4413" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reference", out _), bad.ToString());

        var listed = await ParticipantAsync(http, employer.Id, person);
        Assert.Equal(2, listed.GetProperty("training").GetArrayLength());
        Assert.Equal(1, listed.GetProperty("payChanges").GetArrayLength());
    }

    [Fact]
    public async Task Erasing_a_member_of_staff_leaves_no_trace_of_their_name_in_storage_and_keeps_the_facts()
    {
        var http = Http;
        var employer = await EmployerAsync(app.Factory);
        var name = $"Erasable {Guid.NewGuid():N}"[..22];
        var person = await AddStaffAsync(http, employer.Id, name);
        await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/training", new { title = "First aid", offeredOn = Day(app.Factory) });
        // An employer prompt naming them sits in the outbox.
        await app.Factory.AdvanceAsync(TimeSpan.FromDays(7 * Application.PipelinePolicy.ProgressionIntervalWeeks + 1));
        await EventuallyAsync(async () => (await MailForAsync(app.Factory, person)).Any(m => m.Text.Contains(name)), "a prompt naming them");
        Assert.Contains(await StoredText.ReadAsync(), t => t.Contains(name));

        var erased = await PostAsync(http, $"{Base(employer.Id)}/participants/{person}/erase", new { reason = $"Asked by {name} under article 17" }, HttpStatusCode.OK);
        Assert.Equal(person, erased.GetProperty("participantId").GetString());

        Assert.DoesNotContain(await StoredText.ReadAsync(), t => t.Contains(name));
        var left = await ParticipantAsync(http, employer.Id, person);
        Assert.Equal(JsonValueKind.Null, left.GetProperty("name").ValueKind);
        Assert.Equal("First aid", left.GetProperty("training")[0].GetProperty("title").GetString());
    }
}
