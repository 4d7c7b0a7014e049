using System.Net;
using Apprenticeships.Functions.Tests.Http.Programmes;
using Apprenticeships.Functions.Tests.Security;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Vacancies;
using Apprenticeships.Domain.Vacancies;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>Administrators create and edit academies and cohorts in the browser, under the commands' rules; a refused form saves nothing.</summary>
[Collection(PagesHub.Name)]
public class ProgrammeAdminPagesTests(DemoHubFixture hub)
{
    private readonly HttpClient _browser = SignIn.Browser(hub.App);
    private string ProviderA => hub.KeyA.Split('.')[0];
    private AcademyStore Academies => hub.App.Services.GetRequiredService<AcademyStore>();
    private CohortStore Cohorts => hub.App.Services.GetRequiredService<CohortStore>();

    private Dictionary<string, string> Academy(string id)
    {
        var today = hub.App.Today();
        var fields = new Dictionary<string, string>
        {
            ["id"] = id, ["name"] = "Warehouse Academy", ["employerId"] = hub.CareEmployerId, ["sector"] = "Logistics", ["providerId"] = ProviderA,
            ["place"] = "Unit 4, Shrub Hill", ["sessions"] = $"{today.AddDays(5):d/M/yyyy}\r\n{today.AddDays(6):yyyy-MM-dd}\r\n", ["costPerPlace"] = "£1,250.50",
        };
        foreach (var (name, days) in new[] { ("placementStart", 8), ("placementEnd", 19), ("interviewDate", 22) })
            foreach (var (k, v) in PageForms.DateBoxes(name, today.AddDays(days))) fields[k] = v;
        return fields;
    }

    private Dictionary<string, string> CohortForm(string id)
    {
        var fields = new Dictionary<string, string>(PageForms.DateBoxes("startDate", hub.App.Today().AddDays(60)))
        {
            ["id"] = id, ["name"] = "Spring intake", ["standardName"] = "Warehouse operative (level 2)", ["employerId"] = hub.EmployerId, ["providerId"] = ProviderA,
            ["durationMonths"] = "13", ["agreedPrice"] = "5,000", ["fundingBandMaximum"] = "5000.00",
        };
        return fields;
    }

    [Fact]
    public async Task An_academy_made_on_the_page_has_what_was_typed_and_a_broken_form_makes_nothing()
    {
        var id = $"pa-{Guid.NewGuid():N}"[..20];
        var broken = Academy(id);
        broken["placementEnd-month"] = "";
        broken["costPerPlace"] = "lots";
        broken["sessions"] = "next Tuesday";
        broken["name"] = "";
        var refused = await PageForms.PostAsync(_browser, "/academies/new", "/academies/new", broken);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["name", "sessions", "placementEnd", "costPerPlace"], PageForms.SummaryFields(page));
        Assert.Equal("Placement end must include a day, month and year.", PageForms.ErrorBeside(page, "placementEnd"));
        Assert.Contains($"<option value=\"{hub.CareEmployerId}\" selected>", page);   // what was chosen is kept
        Assert.Null(await Academies.GetAsync(id));

        // The commands' own rules: an interview more than six weeks after the first session.
        var tooLong = Academy(id);
        foreach (var (k, v) in PageForms.DateBoxes("interviewDate", hub.App.Today().AddDays(60))) tooLong[k] = v;
        var rule = await PageForms.PostAsync(_browser, "/academies/new", "/academies/new", tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        Assert.Contains("six weeks", PageForms.ErrorBeside(await rule.Content.ReadAsStringAsync(), "interviewDate"));
        Assert.Null(await Academies.GetAsync(id));

        var created = await PageForms.PostAsync(_browser, "/academies/new", "/academies/new", Academy(id));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/academies/{id}?saved=created", created.Headers.Location?.OriginalString);
        var academy = await Academies.GetAsync(id);
        Assert.NotNull(academy);
        Assert.Equal(("Warehouse Academy", 1250.50m, 2), (academy.Name, academy.CostPerPlace, academy.Sessions.Count));
        Assert.Equal(hub.App.Today().AddDays(5), academy.Sessions[0]);
        Assert.Contains("Academy created", await _browser.GetStringAsync(created.Headers.Location!.OriginalString));

        var again = await PageForms.PostAsync(_browser, "/academies/new", "/academies/new", Academy(id));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already exists", PageForms.ErrorBeside(await again.Content.ReadAsStringAsync(), "id"));
    }

    [Fact]
    public async Task An_academy_made_on_the_page_is_built_around_its_employers_vacancy_and_not_another_employers()
    {
        var today = hub.App.Today();
        var store = hub.App.Services.GetRequiredService<VacancyStore>();
        var ours = (await store.ListAsync()).First(v => v.EmployerId == hub.CareEmployerId && v.TakesPutForwardsOn(today));
        var theirs = new Vacancy($"pv-{Guid.NewGuid():N}"[..20], hub.EmployerId, "Warehouse operative", null, 37.5m, new Pay(12.60m, PayPeriod.Hourly),
            today.AddDays(30), "Logistics", IsApprenticeship: false, Positions: 1, PostedOn: today);
        await store.AddAsync(theirs.Id, theirs);
        var form = await _browser.GetStringAsync("/academies/new");
        Assert.Contains($"value=\"{ours.Id}\"", form);
        Assert.Contains($"value=\"{theirs.Id}\"", form);

        var id = $"pa-{Guid.NewGuid():N}"[..20];
        var wrong = Academy(id);
        wrong["vacancyIds"] = theirs.Id;
        var refused = await PageForms.PostAsync(_browser, "/academies/new", "/academies/new", wrong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("academy's employer", PageForms.ErrorBeside(await refused.Content.ReadAsStringAsync(), "vacancyIds"));
        Assert.Null(await Academies.GetAsync(id));

        var right = Academy(id);
        right["vacancyIds"] = ours.Id;
        var created = await PageForms.PostAsync(_browser, "/academies/new", "/academies/new", right);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal([ours.Id], (await Academies.GetAsync(id))!.VacancyIds);
        Assert.Contains($"href=\"/vacancies/{ours.Id}\"", await _browser.GetStringAsync($"/academies/{id}"));

        // The edit form shows it chosen; sent back with no box ticked, the academy is built around none.
        Assert.Contains($"value=\"{ours.Id}\" checked", await _browser.GetStringAsync($"/academies/{id}/edit"));
        var edit = $"/academies/{id}/edit";
        var none = Academy(id);
        none.Remove("id");
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(_browser, edit, edit, none)).StatusCode);
        Assert.Empty((await Academies.GetAsync(id))!.VacancyIds);
    }

    [Fact]
    public async Task An_academy_with_members_keeps_its_dates_and_provider_but_takes_a_new_name()
    {
        var edit = $"/academies/{hub.AcademyId}/edit";
        var form = await _browser.GetStringAsync(edit);
        Assert.Contains("Adult Care Academy", form);
        var before = (await Academies.GetAsync(hub.AcademyId))!;
        var today = hub.App.Today();
        Dictionary<string, string> Fields(string name, string sessions) => new(PageForms.DateBoxes("placementStart", before.PlacementStart)
            .Concat(PageForms.DateBoxes("placementEnd", before.PlacementEnd)).Concat(PageForms.DateBoxes("interviewDate", before.InterviewDate)))
        {
            ["name"] = name, ["employerId"] = before.EmployerId!, ["sector"] = before.Sector, ["providerId"] = before.ProviderId, ["place"] = before.Place,
            ["sessions"] = sessions, ["costPerPlace"] = "450.00",
        };
        var keptSessions = string.Join("\n", before.Sessions.Select(s => s.ToString("yyyy-MM-dd")));

        var moved = await PageForms.PostAsync(_browser, edit, edit, Fields("Adult Care Academy", keptSessions + $"\n{today.AddDays(5):yyyy-MM-dd}"));
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("has members", PageForms.ErrorBeside(await moved.Content.ReadAsStringAsync(), "sessions"));
        Assert.Equal(before.Sessions, (await Academies.GetAsync(hub.AcademyId))!.Sessions);

        var renamed = await PageForms.PostAsync(_browser, edit, edit, Fields("Adult Care Academy (spring)", keptSessions));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var after = (await Academies.GetAsync(hub.AcademyId))!;
        Assert.Equal("Adult Care Academy (spring)", after.Name);
        Assert.Equal(before.Sessions, after.Sessions);
        Assert.Equal((before.InterviewDate, before.ProviderId), (after.InterviewDate, after.ProviderId));
        Assert.Equal(HttpStatusCode.NotFound, (await _browser.GetAsync("/academies/no-such-academy/edit")).StatusCode);
    }

    [Fact]
    public async Task A_cohort_made_and_edited_on_the_page()
    {
        var id = $"pc-{Guid.NewGuid():N}"[..20];
        var broken = CohortForm(id);
        broken["durationMonths"] = "six";
        broken["fundingBandMaximum"] = "99999";
        var refused = await PageForms.PostAsync(_browser, "/cohorts/new", "/cohorts/new", broken);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["durationMonths", "fundingBandMaximum"], PageForms.SummaryFields(page));
        Assert.Null(await Cohorts.GetAsync(id));

        var created = await PageForms.PostAsync(_browser, "/cohorts/new", "/cohorts/new", CohortForm(id));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/cohorts/{id}?saved=created", created.Headers.Location?.OriginalString);
        Assert.Equal((13, 5000m), ((await Cohorts.GetAsync(id))!.DurationMonths, (await Cohorts.GetAsync(id))!.AgreedPrice));
        var shown = await _browser.GetStringAsync($"/cohorts/{id}");
        Assert.Contains("Spring intake", shown);
        // Its employer and provider by their names, as in the list of cohorts.
        var employer = WebUtility.HtmlEncode((await hub.App.Services.GetRequiredService<EmployerStore>().GetAsync(hub.EmployerId))!.Name);
        var provider = WebUtility.HtmlEncode((await hub.App.Services.GetRequiredService<ProviderStore>().GetAsync(ProviderA))!.Name);
        Assert.Contains($"href=\"/employers/{hub.EmployerId}\">{employer}</a>", shown);
        Assert.Contains(provider, shown);
        Assert.Contains($"{employer} with {provider}", await _browser.GetStringAsync("/cohorts"));

        // No members yet: the start may move (not into the past).
        var edit = $"/cohorts/{id}/edit";
        var later = new Dictionary<string, string>(CohortForm(id).Where(f => !f.Key.StartsWith("startDate", StringComparison.Ordinal))
            .Concat(PageForms.DateBoxes("startDate", hub.App.Today().AddDays(90))));
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(_browser, edit, edit, later)).StatusCode);
        Assert.Equal(hub.App.Today().AddDays(90), (await Cohorts.GetAsync(id))!.StartDate);
        var past = new Dictionary<string, string>(later.Where(f => !f.Key.StartsWith("startDate", StringComparison.Ordinal))
            .Concat(PageForms.DateBoxes("startDate", hub.App.Today().AddDays(-1))));
        var intoThePast = await PageForms.PostAsync(_browser, edit, edit, past);
        Assert.Equal(HttpStatusCode.BadRequest, intoThePast.StatusCode);
        Assert.NotNull(PageForms.ErrorBeside(await intoThePast.Content.ReadAsStringAsync(), "startDate"));
        Assert.Equal(hub.App.Today().AddDays(90), (await Cohorts.GetAsync(id))!.StartDate);
    }

    [Fact]
    public async Task A_cohort_with_members_keeps_its_start()
    {
        var before = (await Cohorts.GetAsync(hub.CohortId))!;
        var edit = $"/cohorts/{hub.CohortId}/edit";
        var fields = new Dictionary<string, string>(PageForms.DateBoxes("startDate", before.StartDate.AddDays(7)))
        {
            ["name"] = before.Name, ["standardName"] = before.StandardName, ["employerId"] = before.EmployerId, ["providerId"] = before.ProviderId,
            ["durationMonths"] = "12", ["agreedPrice"] = "7000", ["fundingBandMaximum"] = "7000",
        };
        var refused = await PageForms.PostAsync(_browser, edit, edit, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("members waiting", PageForms.ErrorBeside(await refused.Content.ReadAsStringAsync(), "startDate"));
        Assert.Equal(before, await Cohorts.GetAsync(hub.CohortId));
    }
}
