using System.Net;
using static Apprenticeships.Functions.Tests.Http.Finance.FinanceApi;

namespace Apprenticeships.Functions.Tests.Http.Finance;

/// <summary>The read side of the finance API: what a finance officer checks figures against.</summary>
public class FinanceRecordsApiTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Employers_are_listed_with_their_levy_status()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false, sme: true);

        var (status, body) = await _client.GetJsonAsync("/api/finance/employers");

        Assert.Equal(HttpStatusCode.OK, status);
        var listed = body.GetProperty("employers").EnumerateArray().ToDictionary(e => e.GetProperty("employerId").GetString()!);
        Assert.True(listed[council].GetProperty("isLevyPayer").GetBoolean());
        Assert.Equal((false, true), (listed[care].GetProperty("isLevyPayer").GetBoolean(), listed[care].GetProperty("isSme").GetBoolean()));
    }

    [Fact]
    public async Task Declarations_say_which_counted_which_were_late_and_the_fraction_and_top_up_applied()
    {
        var council = await _client.NewEmployerAsync();
        await _client.PostAsync($"/api/finance/employers/{council}/english-fractions", new { dateCalculated = "2026-03-01", fraction = 0.9m });
        await _client.DeclareAsync(council, "26-27", 1, 1_000m, "2026-05-10");
        await _client.DeclareAsync(council, "26-27", 1, 1_200m, "2026-05-19");
        await _client.DeclareAsync(council, "26-27", 1, 1_500m, "2026-05-21");   // after the 20 May cut-off

        var (status, body) = await _client.GetJsonAsync($"/api/finance/employers/{council}/declarations");
        var (_, fractions) = await _client.GetJsonAsync($"/api/finance/employers/{council}/english-fractions");

        Assert.Equal(HttpStatusCode.OK, status);
        var d = body.GetProperty("declarations").EnumerateArray().ToList();
        Assert.Equal([(false, false), (true, false), (false, true)],
            d.Select(x => (x.GetProperty("counted").GetBoolean(), x.GetProperty("late").GetBoolean())));
        // £1,200 x 0.9 English x 1.1 top-up = £1,188 in May 2026.
        Assert.Equal(("2026-05", 0.9m, 0.1m, 1_188m),
            (d[1].GetProperty("fundsInMonth").GetString(), d[1].Money("englishFraction"), d[1].Money("topUp"), d[1].Money("fundsIn")));
        Assert.Equal(0.9m, fractions.GetProperty("englishFractions")[0].Money("fraction"));
    }

    [Fact]
    public async Task Money_has_two_decimals_in_json()
    {
        var council = await _client.NewEmployerAsync();
        await _client.DeclareAsync(council, "26-27", 1, 1_000m, "2026-05-15");
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, council));

        var account = await _client.GetStringAsync($"/api/finance/employers/{council}/account?asOf=2026-05");
        var schedule = await _client.GetStringAsync($"/api/finance/commitments/{id}/schedule");

        Assert.Contains("\"balance\":1100.00", account);
        Assert.Contains("\"transfersIn\":0.00", account);
        Assert.Contains("\"agreedPrice\":9000.00", schedule);
        Assert.Contains("\"monthlyInstalment\":600.00", schedule);
        Assert.Contains("\"employerCoInvestmentRate\":0.25", schedule);
        var declarations = await _client.GetStringAsync($"/api/finance/employers/{council}/declarations");
        Assert.Contains("\"fundsIn\":1100.00", declarations);   // an optional amount too
        Assert.Contains("\"payBill\":null", declarations);
    }

    [Fact]
    public async Task Commitments_per_employer_list_only_incentives_that_will_be_paid_unless_all_are_asked_for()
    {
        var council = await _client.NewEmployerAsync();
        var id = NewId("c");
        // Aged 17, ending after ten months: the second parts (start + 364 days) fall after the planned end.
        await _client.PostAsync("/api/finance/commitments", Commitment(id, council, start: "2026-09-01", end: "2027-06-30", age: 17));

        var (status, paid) = await _client.GetJsonAsync($"/api/finance/employers/{council}/commitments");
        var (_, all) = await _client.GetJsonAsync($"/api/finance/employers/{council}/commitments?all=true");
        var (_, schedule) = await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule?all=true");
        var (bad, problem) = await _client.GetJsonAsync($"/api/finance/employers/{council}/commitments?all=yes");

        Assert.Equal(HttpStatusCode.OK, status);
        var commitment = paid.GetProperty("commitments").EnumerateArray().Single();
        Assert.Equal(id, commitment.GetProperty("commitmentId").GetString());
        Assert.All(commitment.GetProperty("incentives").EnumerateArray(), i => Assert.Equal("Payable", i.GetProperty("status").GetString()));
        Assert.Equal(2, commitment.GetProperty("incentives").GetArrayLength());
        Assert.Equal(4, all.GetProperty("commitments")[0].GetProperty("incentives").GetArrayLength());
        Assert.Equal(4, schedule.GetProperty("incentives").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Problem(problem, "all");
    }

    [Fact]
    public async Task The_transfer_allowance_shows_what_is_used_and_what_is_left()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false);
        await _client.DeclareLastYearAsync(council);
        await _client.PostAsync("/api/finance/transfers", new { transferId = NewId("t"), senderId = council, receiverId = care, date = "2026-06-10", amount = 1_000m });

        var (status, body) = await _client.GetJsonAsync($"/api/finance/employers/{council}/transfer-allowance?date=2026-07-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("26-27", 12_100m, 0.5m, 6_050m, 1_000m, 5_050m),
            (body.GetProperty("taxYear").GetString(), body.Money("previousYearFundsIn"), body.Money("share"), body.Money("allowance"), body.Money("used"), body.Money("left")));
    }

    [Fact]
    public async Task The_policy_in_force_changes_with_the_August_2026_reforms()
    {
        var (_, july) = await _client.GetJsonAsync("/api/finance/policy?date=2026-07-31");
        var (status, august) = await _client.GetJsonAsync("/api/finance/policy?date=2026-08-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0.1m, 24, 0.05m), (july.Money("topUp"), july.GetProperty("fundsExpiryMonths").GetInt32(), july.Money("levyPayerOutOfFundsEmployerCoInvestmentRate")));
        Assert.Equal((0m, 12, 0.25m), (august.Money("topUp"), august.GetProperty("fundsExpiryMonths").GetInt32(), august.Money("levyPayerOutOfFundsEmployerCoInvestmentRate")));
        Assert.Equal(24, august.GetProperty("fullGovernmentFunding").GetProperty("nonLevyMaxAge").GetInt32());
    }

    [Theory]
    [InlineData("/api/finance/policy?date=2017-03-31", "date")]
    [InlineData("/api/finance/policy?date=2101-01-01", "date")]
    [InlineData("/api/finance/employers/x/account?asOf=2101-01", "asOf")]
    public async Task Dates_outside_April_2017_to_2100_are_refused_naming_the_field(string path, string field)
    {
        var (status, body) = await _client.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, field);
    }

    [Fact]
    public async Task A_transfer_dated_before_the_levy_or_in_fractions_of_a_penny_is_refused()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false);

        var (status, body) = await _client.PostAsync("/api/finance/transfers", new { transferId = NewId("t"), senderId = council, receiverId = care, date = "2016-06-10", amount = 10.005m });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("2017-04-01", Problem(body, "date"));
        Assert.Contains("fractions of a penny", Problem(body, "amount"));
    }
}
