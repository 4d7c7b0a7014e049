using System.Net;
using static Apprenticeships.Functions.Tests.Http.Finance.FinanceApi;

namespace Apprenticeships.Functions.Tests.Http.Finance;

public class PayBillDeclarationApiTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> DeclareAsync(string employer, object declaration) =>
        _client.PostAsync($"/api/finance/employers/{employer}/declarations", declaration);

    private static object PayBill(int month, decimal payBill) => new
    {
        payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = month, payBill,
        submissionDate = new DateOnly(2026, 4, 15).AddMonths(month).ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Monthly_pay_bills_are_declared_as_HMRC_works_out_the_levy_ALM09200_example_1()
    {
        var employer = await _client.NewEmployerAsync();

        var answers = new List<decimal>();
        for (var month = 1; month <= 3; month++)
        {
            var (status, body) = await DeclareAsync(employer, PayBill(month, 300_000m));
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(300_000m, body.Money("payBill"));
            answers.Add(body.Money("levyDueYtd"));
        }

        // HMRC ALM09200 example 1: £250 levy a month after the £1,250 monthly allowance.
        Assert.Equal([250m, 500m, 750m], answers);
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{employer}/account?asOf=2026-07");
        Assert.Equal(275m, account.Month("2026-07").Money("fundsIn"));   // £250 with the 10% top-up
        Assert.Equal(HttpStatusCode.OK, (await DeclareAsync(employer, PayBill(3, 300_000m))).Status);
    }

    [Fact]
    public async Task A_pay_bill_needs_the_earlier_months_pay_bills_of_the_year()
    {
        var employer = await _client.NewEmployerAsync();
        await DeclareAsync(employer, PayBill(1, 200_000m));

        var (status, body) = await DeclareAsync(employer, PayBill(3, 500_000m));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("26-27 month 2", Problem(body, "payBill"));
    }

    [Fact]
    public async Task Exactly_one_of_levy_due_or_pay_bill_is_accepted_naming_the_field()
    {
        var employer = await _client.NewEmployerAsync();
        var both = new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, payBill = 1m, levyDueYtd = 1m, submissionDate = "2026-05-15" };
        var neither = new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, submissionDate = "2026-05-15" };
        var subPenny = new { payeScheme = "123/AB456", payrollYear = "26-27", payrollMonth = 1, payBill = 100.001m, submissionDate = "2026-05-15" };

        var (status, body) = await DeclareAsync(employer, both);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not both", Problem(body, "payBill"));
        (status, body) = await DeclareAsync(employer, neither);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, "payBill");
        Problem(body, "levyDueYtd");
        (status, body) = await DeclareAsync(employer, subPenny);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("fractions of a penny", Problem(body, "payBill"));
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{employer}/account?asOf=2026-05");
        Assert.Equal(0m, account.Money("balance"));
    }
}
