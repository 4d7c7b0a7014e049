using System.Net;
using static Apprenticeships.Functions.Tests.Http.Finance.FinanceApi;

namespace Apprenticeships.Functions.Tests.Http.Finance;

public class EmployerApiTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Creating_an_employer_twice_is_harmless_but_different_details_conflict()
    {
        var id = NewId("council");
        var employer = new { employerId = id, name = "Council", isLevyPayer = true };

        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/finance/employers", employer)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/finance/employers", employer)).Status);
        var (status, body) = await _client.PostAsync("/api/finance/employers", new { employerId = id, name = "Council", isLevyPayer = false });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Problem(body, "employerId");
    }

    [Fact]
    public async Task An_employer_without_a_name_or_with_a_bad_id_is_refused_and_not_created()
    {
        var id = NewId("council");
        var (status, body) = await _client.PostAsync("/api/finance/employers", new { employerId = id, isLevyPayer = true });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("required", Problem(body, "name"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2026-05")).Status);

        (status, body) = await _client.PostAsync("/api/finance/employers", new { employerId = "a/b", name = "X", isLevyPayer = true });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, "employerId");
    }

    [Fact]
    public async Task A_declaration_counts_once_however_often_it_is_posted()
    {
        var id = await _client.NewEmployerAsync();
        var declaration = new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, levyDueYtd = 1_000m, submissionDate = "2026-05-15T10:00:00Z" };

        var (first, body) = await _client.PostAsync($"/api/finance/employers/{id}/declarations", declaration);
        var (second, _) = await _client.PostAsync($"/api/finance/employers/{id}/declarations", declaration);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first, second));
        Assert.Equal("2026-05-20", body.GetProperty("cutOffDate").GetString());
        Assert.True(body.GetProperty("onTime").GetBoolean());
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2026-05");
        Assert.Equal(1_100m, account.Money("balance"));
        Assert.Equal(1_100m, account.Month("2026-05").Money("fundsIn"));
    }

    [Fact]
    public async Task A_different_figure_for_the_same_submission_conflicts_and_changes_nothing()
    {
        var id = await _client.NewEmployerAsync();
        await _client.DeclareAsync(id, "26-27", 1, 1_000m, "2026-05-15");

        var (status, body) = await _client.PostAsync($"/api/finance/employers/{id}/declarations",
            new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, levyDueYtd = 2_000m, submissionDate = "2026-05-15" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Problem(body, "levyDueYtd");
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2026-05");
        Assert.Equal(1_100m, account.Money("balance"));
    }

    [Theory]
    [InlineData("payrollMonth", "26-27", 13, 1000, "2026-05-15", "Payroll month must be 1 to 12.")]
    [InlineData("payrollMonth", "26-27", 0, 1000, "2026-05-15", "Payroll month must be 1 to 12.")]
    [InlineData("payrollYear", "2026", 1, 1000, "2026-05-15", "Payroll year must be")]
    [InlineData("payrollYear", "15-16", 1, 1000, "2016-05-15", "the levy started")]
    [InlineData("levyDueYtd", "26-27", 1, -1, "2026-05-15", "cannot be negative")]
    [InlineData("submissionDate", "26-27", 1, 1000, "15/05/2026", "ISO 8601")]
    [InlineData("submissionDate", "26-27", 2, 1000, "2026-04-30", "before its payroll month")]
    public async Task A_bad_declaration_is_refused_naming_the_field_and_changes_nothing(
        string field, string year, int month, decimal ytd, string submitted, string message)
    {
        var id = await _client.NewEmployerAsync();

        var (status, body) = await _client.PostAsync($"/api/finance/employers/{id}/declarations",
            new { payeScheme = "123/AB456", payrollYear = year, payrollMonth = month, levyDueYtd = ytd, submissionDate = submitted });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Problem(body, field));
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2027-05");
        Assert.Equal(0m, account.GetProperty("totals").Money("fundsIn"));
    }

    [Fact]
    public async Task Declarations_for_an_unknown_employer_are_404_and_a_non_levy_payer_has_none()
    {
        var declaration = new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, levyDueYtd = 1_000m, submissionDate = "2026-05-15" };

        var (status, body) = await _client.PostAsync($"/api/finance/employers/{NewId("nobody")}/declarations", declaration);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Problem(body, "employerId");

        var care = await _client.NewEmployerAsync(levyPayer: false);
        (status, body) = await _client.PostAsync($"/api/finance/employers/{care}/declarations", declaration);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Problem(body, "employerId");
    }

    [Fact]
    public async Task An_english_fraction_reduces_the_funds_in_and_a_bad_one_is_refused()
    {
        var id = await _client.NewEmployerAsync();

        var (bad, badBody) = await _client.PostAsync($"/api/finance/employers/{id}/english-fractions", new { dateCalculated = "2026-01-01", fraction = 1.5m });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("English fraction must be between 0 and 1.", Problem(badBody, "fraction"));
        var (badDate, badDateBody) = await _client.PostAsync($"/api/finance/employers/{id}/english-fractions", new { dateCalculated = "2026-02-30", fraction = 0.5m });
        Assert.Equal(HttpStatusCode.BadRequest, badDate);
        Problem(badDateBody, "dateCalculated");

        var (status, _) = await _client.PostAsync($"/api/finance/employers/{id}/english-fractions", new { dateCalculated = "2026-01-01", fraction = 0.8m });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/api/finance/employers/{id}/english-fractions", new { dateCalculated = "2026-01-01", fraction = 0.8m })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"/api/finance/employers/{NewId("nobody")}/english-fractions", new { dateCalculated = "2026-01-01", fraction = 0.8m })).Status);
        await _client.DeclareAsync(id, "26-27", 1, 1_000m, "2026-05-15");

        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2026-05");
        Assert.Equal(880m, account.Money("balance"));   // £1,000 x 0.8 x 1.1
    }
}
