using System.Net;
using Apprenticeships.Testing;
using Azure.Data.Tables;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>Records stored before employers had records of their own are still read: an academy with only a typed name, a levy employer row.</summary>
public class EarlierRecordsTests(EmployersApiFixture fixture) : IClassFixture<EmployersApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task An_academy_stored_with_only_the_employers_name_shows_that_name()
    {
        var id = LocalAzurite.UniqueName("old-academy");
        var account = await LocalAzurite.AccountAsync();
        var table = account.Tables.GetTableClient("Academies");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("Academy", id)
        {
            ["Json"] = $$"""{"id":"{{id}}","name":"Warehouse Academy","employerName":"Severn Logistics","sector":"Logistics","providerId":"old-provider","place":"Shrub Hill","sessions":["2026-01-05"],"placementStart":"2026-01-06","placementEnd":"2026-01-10","interviewDate":"2026-01-12","costPerPlace":0}""",
        });

        var (status, details) = await _http.SendAsync(HttpMethod.Get, $"/api/academies/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Severn Logistics", details.GetProperty("academy").GetProperty("employerName").GetString());
        Assert.Contains("Severn Logistics", await _http.GetStringAsync($"/academies/{id}"));
        Assert.Contains("It was recorded as &quot;Severn Logistics&quot;", await _http.GetStringAsync($"/academies/{id}/edit"));
    }

    [Fact]
    public async Task A_levy_employer_row_from_before_becomes_the_employers_record_once_read()
    {
        var id = LocalAzurite.UniqueName("old-council");
        var account = await LocalAzurite.AccountAsync();
        var table = account.Tables.GetTableClient("LevyEmployers");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(id, "employer") { ["Name"] = "Old County Council", ["IsLevyPayer"] = true, ["IsSme"] = false });

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(HttpMethod.Get, $"/api/finance/employers/{id}/account")).Status);
        var (status, details) = await _http.SendAsync(HttpMethod.Get, $"/api/employers/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Old County Council", true), (details.GetProperty("employer").GetProperty("name").GetString(), details.GetProperty("employer").GetProperty("isLevyPayer").GetBoolean()));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(id, "employer")).HasValue);   // one copy: the old row is gone
    }
}
