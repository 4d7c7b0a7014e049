using System.Net;
using System.Text.Json;
using Apprenticeships.Testing;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>The one employer record: created, edited and listed through /api/employers; bad input names the field and changes nothing.</summary>
public class EmployerRecordTests(EmployersApiFixture fixture) : IClassFixture<EmployersApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task An_employer_is_created_with_its_sites_listed_and_edited_and_a_site_keeps_its_id()
    {
        var (created, employer) = await _http.SendAsync(HttpMethod.Post, "/api/employers", new
        {
            name = "Hollybush Care Homes", sector = "Adult care", isLevyPayer = false, isSme = true,
            sites = new object[] { new { name = "Hollybush House", postcode = "wr1 2ab" }, new { id = "annexe", name = "The Annexe", postcode = "WR13 6AA" } },
        });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = employer.GetProperty("id").GetString()!;
        Assert.StartsWith("e-", id);
        var sites = employer.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(["WR1 2AB", "WR13 6AA"], sites.Select(s => s.GetProperty("postcode").GetString()));
        var houseId = sites[0].GetProperty("id").GetString();

        var (_, list) = await _http.SendAsync(HttpMethod.Get, "/api/employers");
        var listed = Assert.Single(list.EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal(("Hollybush Care Homes", "Adult care", false), (listed.GetProperty("name").GetString(), listed.GetProperty("sector").GetString(), listed.GetProperty("isMember").GetBoolean()));

        var (edited, after) = await _http.SendAsync(HttpMethod.Put, $"/api/employers/{id}", new
        {
            name = "Hollybush Care Group", sector = "Adult care", isLevyPayer = false, isSme = true,
            sites = new object[] { new { id = houseId, name = "Hollybush House", postcode = "WR1 2AB" } },
        });
        Assert.Equal(HttpStatusCode.OK, edited);
        Assert.Equal("Hollybush Care Group", after.GetProperty("name").GetString());
        var (_, details) = await _http.SendAsync(HttpMethod.Get, $"/api/employers/{id}");
        Assert.Equal(houseId, Assert.Single(details.GetProperty("employer").GetProperty("sites").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Hollybush Care Group", details.GetProperty("employer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_site_with_an_open_vacancy_stays_until_it_closes_and_levy_status_stays_once_the_account_has_declarations()
    {
        var (_, employer) = await _http.SendAsync(HttpMethod.Post, "/api/employers", new
        {
            name = "Oakfield Care", sector = "Adult care", isLevyPayer = true, isSme = false,
            sites = new object[] { new { id = "main", name = "Oak House", postcode = "WR1 2AB" }, new { id = "annexe", name = "The Annexe", postcode = "WR13 6AA" } },
        });
        var id = employer.GetProperty("id").GetString()!;
        var vacancy = await Vacancies.VacancyHub.PostAsync(fixture.App, _http, id);   // at "main"
        object Edit(bool levyPayer, params string[] siteIds) => new
        {
            name = "Oakfield Care", sector = "Adult care", isLevyPayer = levyPayer, isSme = false,
            sites = siteIds.Select(s => new { id = s, name = s == "main" ? "Oak House" : "The Annexe", postcode = s == "main" ? "WR1 2AB" : "WR13 6AA" }).ToArray(),
        };
        async Task<JsonElement> SavedAsync() => (await _http.SendAsync(HttpMethod.Get, $"/api/employers/{id}")).Body.GetProperty("employer");

        var (status, body) = await _http.SendAsync(HttpMethod.Put, $"/api/employers/{id}", Edit(true, "annexe"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Oak House has open vacancies (Care assistant)", body.Problem("sites"));
        Assert.Equal(2, (await SavedAsync()).GetProperty("sites").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Post, $"/api/vacancies/{vacancy}/close")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Put, $"/api/employers/{id}", Edit(true, "annexe"))).Status);
        Assert.Equal(1, (await SavedAsync()).GetProperty("sites").GetArrayLength());

        // Its levy status may change while its account is empty, not once a declaration is worked out on it.
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Put, $"/api/employers/{id}", Edit(false, "annexe"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Put, $"/api/employers/{id}", Edit(true, "annexe"))).Status);
        var declared = await _http.SendAsync(HttpMethod.Post, $"/api/finance/employers/{id}/declarations",
            new { payeScheme = "123/AB456", payrollYear = "25-26", payrollMonth = 1, levyDueYtd = 1_000m, submissionDate = "2025-05-15" });
        Assert.True(declared.Status == HttpStatusCode.Created, declared.Body.ToString());
        (status, body) = await _http.SendAsync(HttpMethod.Put, $"/api/employers/{id}", Edit(false, "annexe"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("as a levy payer", body.Problem("isLevyPayer"));
        Assert.True((await SavedAsync()).GetProperty("isLevyPayer").GetBoolean());
    }

    [Fact]
    public async Task A_refused_create_or_edit_names_the_field_and_changes_nothing()
    {
        var id = LocalAzurite.UniqueName("refused");
        var (status, body) = await _http.SendAsync(HttpMethod.Post, "/api/employers", new { id, name = "Care\u0007Homes", sector = "Adult care", isLevyPayer = false });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("control characters", body.Problem("name"));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(HttpMethod.Get, $"/api/employers/{id}")).Status);

        var existing = await _http.NewEmployerAsync("Severn Logistics");
        (status, body) = await _http.SendAsync(HttpMethod.Put, $"/api/employers/{existing}", new
        {
            name = "Severn Logistics Ltd", sector = "Logistics", isLevyPayer = true, sites = new object[] { new { name = "Depot", postcode = "not a postcode" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("postcode", body.Problem("sites"));
        var (_, after) = await _http.SendAsync(HttpMethod.Get, $"/api/employers/{existing}");
        Assert.Equal(("Severn Logistics", false), (after.GetProperty("employer").GetProperty("name").GetString(), after.GetProperty("employer").GetProperty("isLevyPayer").GetBoolean()));
    }

    [Fact]
    public async Task An_employer_created_here_has_a_levy_account_at_once_and_its_one_name_everywhere()
    {
        var id = await _http.NewEmployerAsync("Wychavon District Council", levyPayer: true);
        var declared = await _http.SendAsync(HttpMethod.Post, $"/api/finance/employers/{id}/declarations",
            new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, levyDueYtd = 1_000m, submissionDate = "2026-05-15T10:00:00Z" });
        Assert.True(declared.Status == HttpStatusCode.Created, declared.Body.ToString());
        var (accountStatus, account) = await _http.SendAsync(HttpMethod.Get, $"/api/finance/employers/{id}/account?asOf=2026-05");
        Assert.Equal(HttpStatusCode.OK, accountStatus);
        Assert.Equal(1_100m, Finance.FinanceApi.Money(account, "balance"));

        // The finance API finds the same record: the same details again are harmless, different ones conflict.
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Post, "/api/finance/employers", new { employerId = id, name = "Wychavon District Council", isLevyPayer = true, isSme = false })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await _http.SendAsync(HttpMethod.Post, "/api/finance/employers", new { employerId = id, name = "Wychavon DC", isLevyPayer = true, isSme = false })).Status);

        // One name: renaming the employer renames it in the levy's list of employers.
        await _http.RenameAsync(id, "Wychavon Council");
        var (_, levyEmployers) = await _http.SendAsync(HttpMethod.Get, "/api/finance/employers");
        Assert.Equal("Wychavon Council", levyEmployers.GetProperty("employers").EnumerateArray().Single(e => e.GetProperty("employerId").GetString() == id).GetProperty("name").GetString());

        // And an employer the finance API adds is an employer like any other.
        var financeOnly = LocalAzurite.UniqueName("finance");
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, "/api/finance/employers", new { employerId = financeOnly, name = "Malvern Hills Trust", isLevyPayer = false, isSme = true })).Status);
        var (found, details) = await _http.SendAsync(HttpMethod.Get, $"/api/employers/{financeOnly}");
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal("Malvern Hills Trust", details.GetProperty("employer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_cohort_names_an_existing_employer_made_under_api_employers()
    {
        var providerId = LocalAzurite.UniqueName("prov");
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(HttpMethod.Post, "/api/providers", new { id = providerId, name = "Care Skills Training" })).Status);
        object Cohort(string employerId) => new
        {
            name = "Intake", standardName = "Adult care worker (level 2)", employerId, providerId,
            startDate = fixture.Today.AddDays(30).Iso(), durationMonths = 12, agreedPrice = 7000m, fundingBandMaximum = 7000m,
        };
        var (status, body) = await _http.SendAsync(HttpMethod.Post, "/api/cohorts", Cohort("no-such-employer"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        body.Problem("employerId");
        var care = await _http.NewEmployerAsync("Acorn Care", levyPayer: false);
        (status, body) = await _http.SendAsync(HttpMethod.Post, "/api/cohorts", Cohort(care));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
    }
}
