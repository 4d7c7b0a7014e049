using System.Net;
using static Apprenticeships.Functions.Tests.Http.Finance.FinanceApi;

namespace Apprenticeships.Functions.Tests.Http.Finance;

public class TransferApiTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static object Transfer(string id, string sender, string receiver, decimal amount, string date = "2026-06-10") =>
        new { transferId = id, senderId = sender, receiverId = receiver, date, amount };

    [Fact]
    public async Task A_transfer_within_the_allowance_moves_funds_once_however_often_it_is_posted()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false);
        await _client.DeclareLastYearAsync(council);
        var id = NewId("t");

        var (created, _) = await _client.PostAsync("/api/finance/transfers", Transfer(id, council, care, 6_050m));
        var (again, _) = await _client.PostAsync("/api/finance/transfers", Transfer(id, council, care, 6_050m));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created, again));
        var (_, sender) = await _client.GetJsonAsync($"/api/finance/employers/{council}/account?asOf=2026-06");
        var (_, receiver) = await _client.GetJsonAsync($"/api/finance/employers/{care}/account?asOf=2026-06");
        Assert.Equal((6_050m, 12_100m - 6_050m), (sender.GetProperty("totals").Money("transfersOut"), sender.Money("balance")));
        Assert.Equal((6_050m, 6_050m), (receiver.GetProperty("totals").Money("transfersIn"), receiver.Money("balance")));
        var (conflict, problem) = await _client.PostAsync("/api/finance/transfers", Transfer(id, council, care, 10m));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Problem(problem, "transferId");
    }

    [Fact]
    public async Task A_transfer_over_the_allowance_is_refused_with_the_reason_and_changes_nothing()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false);
        await _client.DeclareLastYearAsync(council);
        var (_, before) = await _client.GetJsonAsync($"/api/finance/employers/{council}/account?asOf=2026-06");

        var (status, body) = await _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), council, care, 6_050.01m));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Transfer of £6,050.01 is over the transfer allowance: 50% of 25-26 funds in (£12,100.00) is £6,050.00, " +
                     "less £0.00 already transferred in 26-27, leaves £6,050.00.", Problem(body, "amount"));
        var (_, after) = await _client.GetJsonAsync($"/api/finance/employers/{council}/account?asOf=2026-06");
        var (_, receiver) = await _client.GetJsonAsync($"/api/finance/employers/{care}/account?asOf=2026-06");
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(0m, receiver.Money("balance"));
    }

    [Fact]
    public async Task Fifty_concurrent_transfers_of_60_percent_of_the_allowance_let_exactly_one_through()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false);
        await _client.DeclareLastYearAsync(council);   // allowance: 50% of £12,100 = £6,050

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), council, care, 3_630m))));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains("over the transfer allowance", Problem(a.Body, "amount"));
        });
        var (_, sender) = await _client.GetJsonAsync($"/api/finance/employers/{council}/account?asOf=2026-06");
        var (_, receiver) = await _client.GetJsonAsync($"/api/finance/employers/{care}/account?asOf=2026-06");
        Assert.Equal(3_630m, sender.GetProperty("totals").Money("transfersOut"));
        Assert.Equal(3_630m, receiver.GetProperty("totals").Money("transfersIn"));
    }

    [Fact]
    public async Task A_transfer_that_fits_the_allowance_but_not_what_is_left_of_it_is_a_409()
    {
        var council = await _client.NewEmployerAsync();
        var care = await _client.NewEmployerAsync(levyPayer: false);
        await _client.DeclareLastYearAsync(council);
        await _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), council, care, 6_000m));

        var (status, body) = await _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), council, care, 50.01m));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.EndsWith("less £6,000.00 already transferred in 26-27, leaves £50.00.", Problem(body, "amount"));
    }

    [Fact]
    public async Task Bad_transfers_name_the_field_and_unknown_employers_are_404()
    {
        var council = await _client.NewEmployerAsync();

        var (status, body) = await _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), council, council, -5m, "2026-13-01"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, "receiverId");
        Problem(body, "amount");
        Problem(body, "date");

        (status, body) = await _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), council, NewId("nobody"), 5m));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Problem(body, "receiverId");
        (status, body) = await _client.PostAsync("/api/finance/transfers", Transfer(NewId("t"), NewId("nobody"), council, 5m));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Problem(body, "senderId");
    }
}
