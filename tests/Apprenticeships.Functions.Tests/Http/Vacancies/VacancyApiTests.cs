using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Apprenticeships.Functions.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;
using static Apprenticeships.Functions.Tests.Http.Vacancies.VacancyHub;

namespace Apprenticeships.Functions.Tests.Http.Vacancies;

/// <summary>
/// Vacancies through the API as advisors use them: posting with each field checked, matching
/// engaged candidates by sector interest, putting forward once, the employer's decisions through
/// to a filled position (direct or through an academy) and a job start, closing by date.
/// </summary>
public class VacancyApiTests
{
    public static TheoryData<string, int, string> BadVacancies() => new()
    {
        // A field changed from a good vacancy, the status, the field named.
        { """{"role":null}""", 400, "role" },
        { """{"role":"Care\nassistant"}""", 400, "role" },
        { """{"siteId":"elsewhere"}""", 400, "siteId" },
        { """{"siteId":null}""", 400, "siteId" },
        { """{"hoursPerWeek":0}""", 400, "hoursPerWeek" },
        { """{"hoursPerWeek":168}""", 400, "hoursPerWeek" },
        { """{"pay":12.605}""", 400, "pay" },
        { """{"pay":24500}""", 400, "pay" },
        { """{"pay":"lots"}""", 400, "pay" },
        { """{"payPeriod":"Weekly"}""", 400, "payPeriod" },
        { """{"payPeriod":null}""", 400, "payPeriod" },
        { """{"closingDate":"{past}"}""", 400, "closingDate" },
        { """{"closingDate":"9999-12-31"}""", 400, "closingDate" },
        { """{"closingDate":"soon"}""", 400, "closingDate" },
        { """{"positions":0}""", 400, "positions" },
        { """{"positions":1000}""", 400, "positions" },
        { """{"sector":"Care\u0000"}""", 400, "sector" },
        { """{"employerId":"nobody-at-all"}""", 404, "employerId" },
        { """{"employerId":"not an id!"}""", 400, "employerId" },
    };

    [Theory]
    [MemberData(nameof(BadVacancies))]
    public async Task A_vacancy_with_a_bad_field_is_refused_naming_it_and_nothing_is_posted(string change, int status, string field)
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var employerId = await EmployerAsync(app, "Acorn Care");
        var body = JsonSerializer.SerializeToNode(Vacancy(app, employerId))!.AsObject();
        foreach (var (key, value) in JsonNode(change.Replace("{past}", Day(app, -1))).AsObject()) body[key] = value?.DeepClone();

        var response = await http.PostAsync("/api/vacancies", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{change}: expected {status}, got {(int)response.StatusCode} {problem}");
        Assert.True(JsonDocument.Parse(problem).RootElement.GetProperty("errors").TryGetProperty(field, out _), problem);
        Assert.Equal("[]", await http.GetStringAsync($"/api/vacancies?employerId={employerId}"));
    }

    [Fact]
    public async Task A_posted_vacancy_takes_the_employers_sector_and_is_listed_as_open()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var employerId = await EmployerAsync(app, "Acorn Care", sector: "Adult social care");
        var id = await PostAsync(app, http, employerId, positions: 2);

        var vacancy = (await GetAsync(http, id)).GetProperty("vacancy");
        Assert.Equal("Adult social care", vacancy.GetProperty("sector").GetString());
        Assert.Equal("Open", vacancy.GetProperty("status").GetString());
        Assert.Equal("12.60", vacancy.GetProperty("pay").GetRawText());
        Assert.Equal("Main site", vacancy.GetProperty("siteName").GetString());
        var open = await http.GetFromJsonAsync<JsonElement>($"/api/vacancies?open=true&employerId={employerId}");
        Assert.Equal([id], open.EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/vacancies?open=maybe")).StatusCode);
    }

    [Fact]
    public async Task Matches_are_candidates_whose_stage_fits_and_who_are_interested_in_the_sector()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var employerId = await EmployerAsync(app, "Acorn Care");
        var vacancyId = await PostAsync(app, http, employerId);
        var keen = await EngagedAsync(app, http, "Keen", "Construction", "adult social care "); // the same sector, typed differently
        var elsewhere = await EngagedAsync(app, http, "Elsewhere", "Construction");
        var withdrawn = await EngagedAsync(app, http, "Withdrawn", "Adult social care");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/candidates/{withdrawn}/withdraw", new { reason = "Moved away" })).StatusCode);
        var waiting = await EnrolAsync(http, Referral("Waiting", $"waiting.{Guid.NewGuid():N}@example.org"));
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync($"/api/candidates/{waiting}/interests", new { sectors = new[] { "Adult social care" } })).StatusCode);

        var matches = await MatchesAsync(http, vacancyId);

        Assert.Contains(keen, matches);
        Assert.DoesNotContain(elsewhere, matches); // wrong sector
        Assert.DoesNotContain(withdrawn, matches); // not looking
        Assert.DoesNotContain(waiting, matches); // has not confirmed interest yet
        // Once put forward, a candidate is no longer a match for the same vacancy.
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = keen })).StatusCode);
        Assert.DoesNotContain(keen, await MatchesAsync(http, vacancyId));
    }

    [Fact]
    public async Task Interests_are_checked_and_replace_the_ones_before()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var id = await EnrolAsync(http, Referral("Interested", $"interested.{Guid.NewGuid():N}@example.org"));

        var tooMany = await http.PutAsJsonAsync($"/api/candidates/{id}/interests", new { sectors = Enumerable.Range(1, 11).Select(i => $"Sector {i}") });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("sectors", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsJsonAsync($"/api/candidates/{id}/interests", new { sectors = new[] { "Care\tHomes" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PutAsJsonAsync("/api/candidates/c-nobody/interests", new { sectors = new[] { "Care" } })).StatusCode);

        await http.PutAsJsonAsync($"/api/candidates/{id}/interests", new { sectors = new[] { "Retail" } });
        var set = await http.PutAsJsonAsync($"/api/candidates/{id}/interests", new { sectors = new[] { "Hospitality", "hospitality", " Logistics " } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(["Hospitality", "Logistics"], (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Putting_a_candidate_forward_twice_puts_them_forward_once()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var vacancyId = await PostAsync(app, http, await EmployerAsync(app, "Acorn Care"));
        var candidate = await EngagedAsync(app, http, "Twice", "Adult social care");

        var first = await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate, note = "Reliable, keen on nights" });
        var second = await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate, note = "Something else" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var people = (await GetAsync(http, vacancyId)).GetProperty("putForwards");
        var only = Assert.Single(people.EnumerateArray());
        Assert.Equal("Reliable, keen on nights", only.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = "c-nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate, note = new string('x', 501) })).StatusCode);
    }

    [Fact]
    public async Task Decisions_fill_positions_counted_direct_or_through_an_academy_and_start_the_job()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var employerId = await EmployerAsync(app, "Acorn Care");
        var vacancyId = await PostAsync(app, http, employerId, positions: 2);
        var academyId = await AcademyAsync(app, http, employerId, [vacancyId]);
        Assert.Equal([academyId], (await GetAsync(http, vacancyId)).GetProperty("academies").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        // Straight from the hub: interview, offer, acceptance.
        var direct = await EngagedAsync(app, http, "Direct", "Adult social care");
        await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = direct });
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(http, vacancyId, direct, "OfferAccepted", startDate: Day(app, 14))).StatusCode); // no offer yet
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(http, vacancyId, direct, "Interview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(http, vacancyId, direct, "Offered")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(http, vacancyId, direct, "OfferAccepted")).StatusCode); // the start date is needed
        var accepted = await (await DecideAsync(http, vacancyId, direct, "OfferAccepted", startDate: Day(app, 14))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Recorded", accepted.GetProperty("status").GetString());
        Assert.Equal("Direct", accepted.GetProperty("filled").GetProperty("route").GetString());
        Assert.Equal("Recorded", accepted.GetProperty("jobStart").GetString());
        await EventuallyAsync(async () => await StageOfAsync(http, direct) == "InWork", "in work, with sustainment checks to follow");

        // The acceptance sent again counts once.
        var again = await (await DecideAsync(http, vacancyId, direct, "OfferAccepted", startDate: Day(app, 14))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AlreadyRecorded", again.GetProperty("status").GetString());
        Assert.Equal(1, (await GetAsync(http, vacancyId)).GetProperty("vacancy").GetProperty("positionsFilled").GetInt32());

        // Through the academy built around the vacancy: on it, so put forward for its guaranteed interview.
        var viaAcademy = await EngagedAsync(app, http, "Academic", "Retail");
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/academies/{academyId}/members", new { candidateId = viaAcademy })).StatusCode);
        Assert.Contains(viaAcademy, await MatchesAsync(http, vacancyId)); // on its academy, whatever their interests
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = viaAcademy })).StatusCode);
        await DecideAsync(http, vacancyId, viaAcademy, "Offered");
        var filled = await (await DecideAsync(http, vacancyId, viaAcademy, "OfferAccepted", startDate: Day(app, 30))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ViaAcademy", filled.GetProperty("filled").GetProperty("route").GetString());
        Assert.Equal(academyId, filled.GetProperty("filled").GetProperty("academyId").GetString());
        // Still on the academy, so not free to start: said, and left for the advisor to record later.
        Assert.Equal("NotRecorded", filled.GetProperty("jobStart").GetString());

        var vacancy = (await GetAsync(http, vacancyId)).GetProperty("vacancy");
        Assert.Equal("Filled", vacancy.GetProperty("status").GetString());
        Assert.Equal(["Direct", "ViaAcademy"], vacancy.GetProperty("filled").EnumerateArray().Select(f => f.GetProperty("route").GetString()));
        var late = await EngagedAsync(app, http, "Late", "Adult social care");
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = late })).StatusCode);
    }

    [Fact]
    public async Task Not_selected_needs_a_reason_and_is_final()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var vacancyId = await PostAsync(app, http, await EmployerAsync(app, "Acorn Care"));
        var candidate = await EngagedAsync(app, http, "Unlucky", "Adult social care");
        await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate });

        var noReason = await DecideAsync(http, vacancyId, candidate, "NotSelected");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(http, vacancyId, candidate, "Hired")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(http, vacancyId, candidate, "NotSelected", reason: "Needs a driving licence")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(http, vacancyId, candidate, "Interview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(http, vacancyId, "c-nobody", "Interview")).StatusCode);
        var person = Assert.Single((await GetAsync(http, vacancyId)).GetProperty("putForwards").EnumerateArray());
        Assert.Equal("NotSelected", person.GetProperty("decision").GetString());
        Assert.Equal("Needs a driving licence", person.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_vacancy_past_its_closing_date_is_closed_and_refuses_put_forwards()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var employerId = await EmployerAsync(app, "Acorn Care");
        var vacancyId = await PostAsync(app, http, employerId, closesInDays: 2);
        var closedByHand = await PostAsync(app, http, employerId, closesInDays: 20);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/vacancies/{closedByHand}/close", null)).StatusCode);

        await app.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.Equal("Closed", (await GetAsync(http, vacancyId)).GetProperty("vacancy").GetProperty("status").GetString());
        var refused = await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = "c-anyone" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("closed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"/api/vacancies/{closedByHand}/put-forward", new { candidateId = "c-anyone" })).StatusCode);
        Assert.Equal("[]", await http.GetStringAsync($"/api/vacancies?open=true&employerId={employerId}"));
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonElement>($"/api/vacancies?employerId={employerId}")).GetArrayLength());
    }

    [Fact]
    public async Task An_academy_is_built_only_around_existing_vacancies_of_its_own_employer()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var acorn = await EmployerAsync(app, "Acorn Care");
        var first = await PostAsync(app, http, acorn);
        var other = await PostAsync(app, http, await EmployerAsync(app, "Birch Homes"));

        foreach (var ids in new[] { new[] { "v-nobody" }, [first, other], [other], ["not an id"] })
        {
            var refused = await http.PostAsJsonAsync("/api/academies", AcademyBody(app, acorn, ids));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("vacancyIds", await refused.Content.ReadAsStringAsync());
        }
        Assert.Empty((await GetAsync(http, first)).GetProperty("academies").EnumerateArray());
    }

    [Fact]
    public async Task Erasing_a_candidate_blanks_the_hubs_note_and_the_reason_but_keeps_the_decision()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var vacancyId = await PostAsync(app, http, await EmployerAsync(app, "Acorn Care"));
        var candidate = await EngagedAsync(app, http, "Erasable", "Adult social care");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await http.PostAsJsonAsync($"/api/vacancies/{vacancyId}/put-forward", new { candidateId = candidate, note = $"Lives with her aunt Ottoline{tag}" });
        await DecideAsync(http, vacancyId, candidate, "NotSelected", reason: $"Failed the DBS check {tag}");

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/candidates/{candidate}/erase", new { reason = "Erasure request" })).StatusCode);

        var person = Assert.Single((await GetAsync(http, vacancyId)).GetProperty("putForwards").EnumerateArray());
        Assert.Equal("(erased)", person.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("note").ValueKind);
        Assert.Equal(JsonValueKind.Null, person.GetProperty("reason").ValueKind);
        Assert.Equal("NotSelected", person.GetProperty("decision").GetString());
        Assert.DoesNotContain(tag, await http.GetStringAsync($"/api/vacancies/{vacancyId}"));
    }

    private static async Task<string> AcademyAsync(WebApplicationFactory<Program> app, HttpClient http, string employerId, string[] vacancyIds)
    {
        var created = await http.PostAsJsonAsync("/api/academies", AcademyBody(app, employerId, vacancyIds, await ProviderAsync(http)));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static object AcademyBody(WebApplicationFactory<Program> app, string employerId, string[] vacancyIds, string providerId = "no-provider") => new
    {
        name = "Care academy", employerId, sector = "Adult social care", providerId, place = "County Hall",
        sessions = new[] { Day(app, 3) }, placementStart = Day(app, 7), placementEnd = Day(app, 18), interviewDate = Day(app, 21), costPerPlace = 450m, vacancyIds,
    };

    private static async Task<string> ProviderAsync(HttpClient http)
    {
        var id = Apprenticeships.Testing.LocalAzurite.UniqueName("prov");
        (await http.PostAsJsonAsync("/api/providers", new { id, name = "Care Skills" })).EnsureSuccessStatusCode();
        return id;
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;
}
