using System.Net;
using static Apprenticeships.Functions.Tests.Http.Finance.FinanceApi;

namespace Apprenticeships.Functions.Tests.Http.Finance;

public class CommitmentApiTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_commitment_gets_its_schedule_and_re_posting_it_is_harmless()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");

        var (created, body) = await _client.PostAsync("/api/finance/commitments", Commitment(id, employer, price: 30_000m, age: 17));
        var (again, _) = await _client.PostAsync("/api/finance/commitments", Commitment(id, employer, price: 30_000m, age: 17));
        var (status, schedule) = await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (created, again, status));
        Assert.Equal(body.ToString(), schedule.ToString());
        Assert.Equal((27_000m, 1_800m, 12), (schedule.Money("cappedPrice"), schedule.Money("monthlyInstalment"), schedule.GetProperty("plannedInstalments").GetInt32()));
        var payments = schedule.GetProperty("payments").EnumerateArray().ToList();
        Assert.Equal(13, payments.Count);
        Assert.Equal(("2026-09", "2026-10"), (payments[0].GetProperty("earnedMonth").GetString(), payments[0].GetProperty("paidMonth").GetString()));
        Assert.Equal(("Completion", 5_400m), (payments[^1].GetProperty("kind").GetString(), payments[^1].Money("amount")));
        Assert.Equal(4, schedule.GetProperty("incentives").GetArrayLength());
        var (conflict, problem) = await _client.PostAsync("/api/finance/commitments", Commitment(id, employer, price: 9_000m));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Problem(problem, "commitmentId");
    }

    [Theory]
    [InlineData("agreedPrice", -100, "2026-09-01", "2027-08-31", "Agreed price must be more than zero.")]
    [InlineData("plannedEndDate", 9000, "2026-09-01", "2026-08-31", "Planned end date must be after the start date.")]
    [InlineData("startDate", 9000, "2026-09-31", "2027-08-31", "YYYY-MM-DD")]
    [InlineData("startDate", 9000, "2016-09-01", "2017-08-31", "on or after")]
    public async Task A_bad_commitment_is_refused_naming_the_field_and_nothing_is_stored(
        string field, decimal price, string start, string end, string message)
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");

        var (status, body) = await _client.PostAsync("/api/finance/commitments", Commitment(id, employer, price, start, end));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, Problem(body, field));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule")).Status);
    }

    [Fact]
    public async Task Band_and_age_out_of_range_and_an_unknown_employer_are_refused()
    {
        var employer = await _client.NewEmployerAsync();
        var (status, body) = await _client.PostAsync("/api/finance/commitments", new
        {
            commitmentId = NewId("c"), employerId = employer, agreedPrice = 9_000m, fundingBandMaximum = 30_000m,
            startDate = "2026-09-01", plannedEndDate = "2027-08-31", apprenticeAgeAtStart = 15,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, "fundingBandMaximum");
        Problem(body, "apprenticeAgeAtStart");

        (status, body) = await _client.PostAsync("/api/finance/commitments", Commitment(NewId("c"), NewId("nobody")));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Problem(body, "employerId");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync($"/api/finance/commitments/{NewId("c")}/schedule")).Status);
    }

    [Fact]
    public async Task Early_completion_adds_a_balancing_payment_and_re_posting_it_changes_nothing()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, employer));

        var (status, schedule) = await _client.PostAsync($"/api/finance/commitments/{id}/completion", new { date = "2027-03-10" });
        var (again, repeat) = await _client.PostAsync($"/api/finance/commitments/{id}/completion", new { date = "2027-03-10" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, again));
        Assert.Equal(schedule.ToString(), repeat.ToString());
        Assert.Equal("Completed", schedule.GetProperty("status").GetString());
        var payments = schedule.GetProperty("payments").EnumerateArray()
            .Select(p => $"{p.GetProperty("earnedMonth").GetString()} {p.GetProperty("kind").GetString()} {p.Money("amount"):0.00}").ToList();
        Assert.Equal(8, payments.Count);
        Assert.Equal(["2027-03 Balancing 3600.00", "2027-03 Completion 1800.00"], payments[^2..]);

        var (different, problem) = await _client.PostAsync($"/api/finance/commitments/{id}/completion", new { date = "2027-04-10" });
        Assert.Equal(HttpStatusCode.Conflict, different);
        Problem(problem, "date");
        var (withdraw, _) = await _client.PostAsync($"/api/finance/commitments/{id}/withdrawal", new { date = "2027-04-10" });
        Assert.Equal(HttpStatusCode.Conflict, withdraw);
        var (_, after) = await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule");
        Assert.Equal(schedule.ToString(), after.ToString());
    }

    [Fact]
    public async Task Withdrawal_and_break_stop_instalments()
    {
        var employer = await _client.NewEmployerAsync();
        var withdrawn = NewId("c");
        var onBreak = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(withdrawn, employer));
        await _client.PostAsync("/api/finance/commitments", Commitment(onBreak, employer));

        var (_, w) = await _client.PostAsync($"/api/finance/commitments/{withdrawn}/withdrawal", new { date = "2026-12-15" });
        var (_, b) = await _client.PostAsync($"/api/finance/commitments/{onBreak}/break", new { date = "2026-10-31" });

        Assert.Equal(("Withdrawn", 3, 1_800m), (w.GetProperty("status").GetString(), w.GetProperty("payments").GetArrayLength(),
            w.GetProperty("payments").EnumerateArray().Sum(p => p.Money("amount"))));
        Assert.Equal(("OnBreak", 2), (b.GetProperty("status").GetString(), b.GetProperty("payments").GetArrayLength()));
        var (complete, problem) = await _client.PostAsync($"/api/finance/commitments/{onBreak}/completion", new { date = "2027-08-31" });
        Assert.Equal(HttpStatusCode.Conflict, complete);
        Problem(problem, "date");
    }

    [Fact]
    public async Task Racing_completions_and_withdrawals_record_exactly_one_end()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, employer));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _client.PostAsync($"/api/finance/commitments/{id}/{(i % 2 == 0 ? "completion" : "withdrawal")}", new { date = "2027-03-10" })));

        // The same event posted again is harmless (200), so one kind's ten posts all succeed and the other's all clash.
        var completions = answers.Where((_, i) => i % 2 == 0).Select(a => a.Status).Distinct().ToList();
        var withdrawals = answers.Where((_, i) => i % 2 == 1).Select(a => a.Status).Distinct().ToList();
        Assert.Single(completions);
        Assert.Single(withdrawals);
        Assert.Contains((completions.Single(), withdrawals.Single()), new[] { (HttpStatusCode.OK, HttpStatusCode.Conflict), (HttpStatusCode.Conflict, HttpStatusCode.OK) });
        var (_, schedule) = await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule");
        Assert.Equal(completions.Single() == HttpStatusCode.OK ? "Completed" : "Withdrawn", schedule.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_return_from_a_break_re_spreads_the_remaining_instalments_to_the_new_planned_end()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, employer));   // £600 a month, 2026-09..2027-08
        await _client.PostAsync($"/api/finance/commitments/{id}/break", new { date = "2026-11-15" });

        var (status, schedule) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-10", newPlannedEnd = "2027-12-31" });
        var (again, _) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-10", newPlannedEnd = "2027-12-31" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, again));
        Assert.Equal(("Active", "2027-12-31"), (schedule.GetProperty("status").GetString(), schedule.GetProperty("plannedEndDate").GetString()));
        var instalments = schedule.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Instalment").ToList();
        // Sep and Oct earned (£1,200); £6,000 left over Jan..Dec 2027 is £500 a month.
        Assert.Equal(14, instalments.Count);
        Assert.Equal(("2027-01", 500m), (instalments[2].GetProperty("earnedMonth").GetString(), instalments[2].Money("amount")));
        Assert.Equal(("2027-12", 500m), (instalments[^1].GetProperty("earnedMonth").GetString(), instalments[^1].Money("amount")));
        var (_, account) = await _client.GetJsonAsync($"/api/finance/employers/{employer}/account?asOf=2027-02");
        Assert.Equal(500m, account.Month("2027-02").Money("paymentsDue"));
        var (clash, problem) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-11", newPlannedEnd = "2027-12-31" });
        Assert.Equal(HttpStatusCode.Conflict, clash);
        Problem(problem, "date");
    }

    [Fact]
    public async Task Breaks_come_one_at_a_time_and_a_later_break_after_the_return_is_re_spread_again()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, employer));   // £600 a month, 2026-09..2027-08
        await _client.PostAsync($"/api/finance/commitments/{id}/break", new { date = "2026-11-15" });

        var (twice, twiceBody) = await _client.PostAsync($"/api/finance/commitments/{id}/break", new { date = "2026-12-01" });
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Contains("already on a break in learning from 2026-11-15", Problem(twiceBody, "date"));
        await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-10", newPlannedEnd = "2027-12-31" });   // £6,000 left: £500 a month
        var (sameDay, sameDayBody) = await _client.PostAsync($"/api/finance/commitments/{id}/break", new { date = "2027-01-10" });
        Assert.Equal(HttpStatusCode.Conflict, sameDay);
        Assert.Contains("after the return on 2027-01-10", Problem(sameDayBody, "date"));

        // Jan..Mar 2027 earned at £500; back on 2027-06-01 to a new end of 2028-02-29: £4,500 over Jun 2027..Feb 2028, £500 a month.
        var (paused, onBreak) = await _client.PostAsync($"/api/finance/commitments/{id}/break", new { date = "2027-04-15" });
        Assert.Equal((HttpStatusCode.OK, "OnBreak", 5), (paused, onBreak.GetProperty("status").GetString(), onBreak.GetProperty("payments").GetArrayLength()));
        var (back, schedule) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-06-01", newPlannedEnd = "2028-02-29" });
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.Equal(("Active", "2028-02-29"), (schedule.GetProperty("status").GetString(), schedule.GetProperty("plannedEndDate").GetString()));
        var instalments = schedule.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "Instalment").ToList();
        Assert.Equal(["2026-09", "2026-10", "2027-01", "2027-02", "2027-03", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12", "2028-01", "2028-02"],
            instalments.Select(p => p.GetProperty("earnedMonth").GetString()));
        Assert.Equal([600m, 600m, 500m, 500m, 500m, 500m, 500m, 500m, 500m, 500m, 500m, 500m, 500m, 500m], instalments.Select(p => p.Money("amount")));
        Assert.Equal(("Completion", "2028-02", 1_800m), (schedule.GetProperty("payments")[14].GetProperty("kind").GetString(),
            schedule.GetProperty("payments")[14].GetProperty("earnedMonth").GetString(), schedule.GetProperty("payments")[14].Money("amount")));

        var (noBreak, noBreakBody) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-07-01", newPlannedEnd = "2028-03-31" });
        Assert.Equal(HttpStatusCode.Conflict, noBreak);
        Assert.Contains("no break in learning to return from", Problem(noBreakBody, "date"));
        var (_, after) = await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule");
        Assert.Equal(schedule.ToString(), after.ToString());
    }

    [Fact]
    public async Task A_return_without_a_break_or_with_a_bad_end_is_refused_naming_the_field()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, employer));

        var (status, body) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-10", newPlannedEnd = "2027-12-31" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("no break", Problem(body, "date"));
        (status, body) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-10", newPlannedEnd = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, "newPlannedEnd");
        (status, body) = await _client.PostAsync($"/api/finance/commitments/{id}/return", new { date = "2027-01-10" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Problem(body, "newPlannedEnd");
    }

    [Fact]
    public async Task Event_dates_are_validated_and_unknown_commitments_are_404()
    {
        var employer = await _client.NewEmployerAsync();
        var id = NewId("c");
        await _client.PostAsync("/api/finance/commitments", Commitment(id, employer));

        var (before, body) = await _client.PostAsync($"/api/finance/commitments/{id}/withdrawal", new { date = "2026-08-01" });
        Assert.Equal(HttpStatusCode.BadRequest, before);
        Assert.Contains("before the start date", Problem(body, "date"));
        var (missing, missingBody) = await _client.PostAsync($"/api/finance/commitments/{id}/break", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Problem(missingBody, "date");
        var (unknown, unknownBody) = await _client.PostAsync($"/api/finance/commitments/{NewId("c")}/completion", new { date = "2027-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Problem(unknownBody, "commitmentId");

        var (_, schedule) = await _client.GetJsonAsync($"/api/finance/commitments/{id}/schedule");
        Assert.Equal("Active", schedule.GetProperty("status").GetString());
        Assert.Equal(13, schedule.GetProperty("payments").GetArrayLength());
    }
}

public class MalformedBodyTests(FinanceApiFixture fixture) : IClassFixture<FinanceApiFixture>
{
    [Fact]
    public async Task A_body_that_is_not_the_expected_json_is_400_and_stores_nothing()
    {
        var employer = await fixture.Client.NewEmployerAsync();
        var id = NewId("c");
        var json = $$"""{"commitmentId":"{{id}}","employerId":"{{employer}}","agreedPrice":"lots","fundingBandMaximum":9000,"startDate":"2026-09-01","plannedEndDate":"2027-08-31","apprenticeAgeAtStart":30}""";

        var response = await fixture.Client.PostAsync("/api/finance/commitments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Problem(problem.RootElement, "agreedPrice");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetJsonAsync($"/api/finance/commitments/{id}/schedule")).Status);
    }

    [Fact]
    public async Task An_empty_body_is_400_naming_the_body()
    {
        var response = await fixture.Client.PostAsync("/api/finance/transfers", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Problem(problem.RootElement, "body");
    }
}
