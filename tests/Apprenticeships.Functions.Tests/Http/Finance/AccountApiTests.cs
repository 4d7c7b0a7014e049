using System.Net;
using static Apprenticeships.Functions.Tests.Http.Finance.FinanceApi;

namespace Apprenticeships.Functions.Tests.Http.Finance;

public class AccountApiTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task The_account_shows_funds_in_and_payments_debited_the_month_after_they_are_earned()
    {
        var id = await _client.NewEmployerAsync();
        await _client.DeclareAsync(id, "26-27", 1, 10_000m, "2026-05-15");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/finance/commitments", Commitment(NewId("c"), id, start: "2026-05-01", end: "2027-04-30"))).Status);

        var (status, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2026-07");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-07", account.GetProperty("asOf").GetString());
        // £11,000 in during May; May's £600 instalment is paid in June, June's in July.
        Assert.Equal(11_000m, account.Month("2026-05").Money("fundsIn"));
        Assert.Equal(0m, account.Month("2026-05").Money("paidFromLevy"));
        Assert.Equal(600m, account.Month("2026-06").Money("paidFromLevy"));
        Assert.Equal(10_400m, account.Month("2026-06").Money("balance"));
        Assert.Equal(9_800m, account.Money("balance"));
        Assert.Equal(1_200m, account.GetProperty("totals").Money("paidFromLevy"));
    }

    [Fact]
    public async Task The_finance_page_labels_its_figures_as_the_account_API_names_them()
    {
        var id = await _client.NewEmployerAsync();
        await _client.DeclareAsync(id, "26-27", 1, 10_000m, "2026-05-15");
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account");

        var page = await _client.GetStringAsync($"/finance/employers/{id}");

        var columns = System.Text.RegularExpressions.Regex.Matches(page, "data-field=\"(\\w+)\">([^<]+)<").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var fields = account.GetProperty("months")[0].EnumerateObject().Select(p => p.Name).Where(n => n != "month").ToList();
        Assert.Equal(fields, columns.Select(c => c.Item1));
        Assert.Equal(["Funds in", "Transfers in", "Payments due", "Paid from levy", "Employer co-investment", "Government co-investment", "Transfers out", "Expired", "Balance"],
            columns.Select(c => c.Item2));
        Assert.DoesNotContain(">Payments<", page);
    }

    [Fact]
    public async Task A_non_levy_employers_payments_are_co_invested_five_and_ninety_five_percent()
    {
        var id = await _client.NewEmployerAsync(levyPayer: false);
        await _client.PostAsync("/api/finance/commitments", Commitment(NewId("c"), id, start: "2025-09-01", end: "2026-08-31"));

        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{id}/account?asOf=2025-10");

        var october = account.Month("2025-10");
        Assert.Equal((600m, 0m, 30m, 570m),
            (october.Money("paymentsDue"), october.Money("paidFromLevy"), october.Money("employerCoInvestment"), october.Money("governmentCoInvestment")));
    }

    [Theory]
    [InlineData("account?asOf=2026-13", "asOf")]
    [InlineData("account?asOf=May-2026", "asOf")]
    [InlineData("account?asOf=2016-01", "asOf")]
    [InlineData("statement.csv?asOf=26-05", "asOf")]
    [InlineData("forecast?months=49", "months")]
    [InlineData("forecast?months=0", "months")]
    [InlineData("forecast?months=twelve", "months")]
    [InlineData("forecast?from=2026/08", "from")]
    [InlineData("forecast?band=100", "band")]
    public async Task Bad_query_values_are_400_naming_the_field(string query, string field)
    {
        var id = await _client.NewEmployerAsync();

        var (status, body) = await _client.GetJsonAsync($"/api/finance/employers/{id}/{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, field);
    }

    [Theory]
    [InlineData("account?asOf=2026-05")]
    [InlineData("forecast?months=12")]
    [InlineData("statement.csv")]
    public async Task An_unknown_employer_is_404(string query)
    {
        var (status, body) = await _client.GetJsonAsync($"/api/finance/employers/{NewId("nobody")}/{query}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Problem(body, "employerId");
    }

    [Fact]
    public async Task The_forecast_projects_flat_levy_shows_what_expires_and_how_many_apprentices_would_use_it()
    {
        var id = await _client.NewEmployerAsync();
        for (var m = 1; m <= 3; m++)
        {
            await _client.DeclareAsync(id, "26-27", m, 10_000m * m, new DateOnly(2026, 4, 15).AddMonths(m).ToString("yyyy-MM-dd"));
        }

        var (status, forecast) = await _client.GetJsonAsync($"/api/finance/employers/{id}/forecast?months=48&from=2026-08&band=15000");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(49, forecast.GetProperty("projection").GetArrayLength());
        Assert.Equal(10_000m, forecast.Month("2026-09", "projection").Money("fundsIn"));   // no top-up from August 2026
        // Funds entering from August 2026 expire after 12 months (docs/levy-rules.md); earlier ones after 24.
        Assert.Equal("2027-08", forecast.GetProperty("firstExpiryMonth").GetString());
        Assert.Equal(403_000m, forecast.Money("totalExpiring"));
        Assert.True(forecast.GetProperty("additionalApprentices").GetInt32() > 0);
        Assert.True(forecast.Money("expiringWithAdditionalApprentices") < 403_000m);

        var (_, shorter) = await _client.GetJsonAsync($"/api/finance/employers/{id}/forecast?months=6&from=2026-08");
        Assert.Equal(7, shorter.GetProperty("projection").GetArrayLength());
        Assert.Equal(27_000m, shorter.Money("band"));
    }

    [Fact]
    public async Task The_statement_is_a_csv_of_the_months()
    {
        var id = await _client.NewEmployerAsync();
        await _client.DeclareAsync(id, "26-27", 1, 1_000m, "2026-05-15");

        var response = await _client.GetAsync($"/api/finance/employers/{id}/statement.csv?asOf=2026-06");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                "Month,FundsIn,TransfersIn,PaymentsDue,PaidFromLevy,EmployerCoInvestment,GovernmentCoInvestment,TransfersOut,Expired,Balance",
                "2026-05,1100.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1100.00",
                "2026-06,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1100.00",
            ],
            lines);
    }
}
