using System.Diagnostics;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Forecast;
using Apprenticeships.Domain.Levy.Policy;

// The 48-month forecast for 1,000 employers with 20 commitments each (goal: under 1 s).
// The forecast is pure domain work over records already read, so no storage is involved:
// this measures the rules, including the search for additional apprentices.
const int Employers = 1_000;
const int CommitmentsEach = 20;
const int Months = 48;
var policy = FundingPolicy.England;
var from = new YearMonth(2026, 11);
var random = new Random(42);

var accounts = Enumerable.Range(0, Employers).Select(e => Records(e)).ToList();

// The first pass includes JIT compilation (what one cold request sees); later passes are the
// steady state a running app has. Both are printed; the goal is judged on the steady state.
var cold = Pass();
var warm = Enumerable.Range(0, 3).Select(_ => Pass()).MinBy(p => p.Elapsed);
Console.WriteLine($"{Employers:N0} employers x {CommitmentsEach} commitments, {Months}-month forecast (with the additional-apprentice search):");
Console.WriteLine($"  first pass (incl. JIT): {cold.Elapsed.TotalMilliseconds:N0} ms");
Console.WriteLine($"  steady state (best of 3): {warm.Elapsed.TotalMilliseconds:N0} ms ({warm.Elapsed.TotalMilliseconds * 1000 / Employers:N0} µs per employer)");
Console.WriteLine($"  projected expiry £{warm.Expiring:N2}; additional apprentices at £15,000 that would use it: {warm.Additional:N0}");
return warm.Elapsed < TimeSpan.FromSeconds(1) ? 0 : 1;

(TimeSpan Elapsed, decimal Expiring, int Additional) Pass()
{
    var clock = Stopwatch.StartNew();
    decimal expiring = 0;
    var additional = 0;
    foreach (var account in accounts)
    {
        var forecast = LevyForecast.Project(account, from, Months, Environment.GetEnvironmentVariable("BAND") is { } b ? decimal.Parse(b) : 15_000m, policy);
        expiring += forecast.TotalExpiring;
        additional += forecast.AdditionalApprentices;
    }
    return (clock.Elapsed, expiring, additional);
}

AccountRecords Records(int n)
{
    var id = $"employer-{n}";
    var monthlyLevy = 2_000m + random.Next(0, 20_000);
    var declarations = new List<LevyDeclaration>();
    foreach (var (year, months) in new[] { (2025, 12), (2026, 6) })
    {
        for (var m = 1; m <= months; m++)
        {
            var period = new PayrollPeriod(year, m);
            declarations.Add(new LevyDeclaration("123/A" + n, period, monthlyLevy * m, period.CalendarMonth.AddMonths(1).Day(15).ToDateTime(TimeOnly.MinValue)));
        }
    }
    var commitments = Enumerable.Range(0, CommitmentsEach).Select(c =>
    {
        var start = new YearMonth(2025, 9).AddMonths(random.Next(0, 22)).FirstDay;
        var commitment = new Commitment($"{id}-c{c}", id, 5_000m + random.Next(0, 25_000), 27_000m, start,
            start.AddMonths(12 + random.Next(0, 25)).AddDays(-1), 16 + random.Next(0, 30), false, false);
        CommitmentEvent[] events = (c % 10) switch
        {
            0 => [new CommitmentEvent(CommitmentEventKind.Withdrawal, start.AddMonths(4))],
            1 => [new CommitmentEvent(CommitmentEventKind.Completion, start.AddMonths(11))],
            _ => [],
        };
        return new CommitmentRecord(commitment, events);
    }).ToList();
    return new AccountRecords(new LevyEmployer(id, id, true, false), declarations, [new EnglishFraction(new DateOnly(2025, 1, 1), 0.95m)],
        commitments, [], []);
}
