using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Domain.Tests.Programmes;

public class OutcomeReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static Candidate Referred(string id, DateTimeOffset at) => new()
    {
        Id = id, GivenName = "Amira", FamilyName = "Khan", Email = "amira@example.org", Postcode = "WR1 2AB", DateOfBirth = new(2004, 3, 9),
        Source = ReferralSource.JobcentreWorkCoach, LawfulBasis = "Public task", AdvisorId = "advisor-1", EnrolledAt = at, StageChangedAt = at,
    };

    [Fact]
    public void What_is_dated_after_today_is_a_forecast_and_never_counted()
    {
        var records = new[]
        {
            new ProgrammeRecord("c-1", "swap-start-a", RecordKind.SwapStart, Now) { ProgrammeId = "a", Amount = 450m },
            // Recorded today, starting next month: not an outcome yet.
            new ProgrammeRecord("c-2", "job-start", RecordKind.JobStart, Now) { Date = Today.AddDays(20), Value = JobRoute.Direct },
        };

        var figures = OutcomeReport.Build(Today, Today.AddYears(1), Today, [Referred("c-1", Now), Referred("c-2", Now)], records,
            new LevyFigures(0, 0, 0), new LevyFigures(PaidForHubApprentices: 5_600m, Used: 5_600m, Expired: 50_000.12m));

        Assert.Equal(Today, figures.AsOf);
        Assert.Equal(2, figures.Referrals);
        Assert.Equal(0, figures.JobOutcomesDirect);
        Assert.Equal(450m, figures.Spend);
        Assert.Null(figures.CostPerOutcome); // no outcome to divide by
        Assert.Equal(0m, figures.LevyExpired);
        Assert.Equal(new OutcomeForecast(Today.AddDays(1), Today.AddYears(1), JobStarts: 1, Spend: 5_600m, LevyUsed: 5_600m, LevyExpiring: 50_000.12m), figures.Forecast);
    }

    [Fact]
    public void A_job_start_counts_on_its_first_day_and_a_range_that_ends_by_today_has_no_forecast()
    {
        var started = new ProgrammeRecord("c-2", "job-start", RecordKind.JobStart, Now.AddDays(-40)) { Date = Today.AddDays(-10), Value = JobRoute.ViaSwap };

        var lastMonth = OutcomeReport.Build(Today.AddDays(-30), Today, Today, [], [started], LevyFigures.None, LevyFigures.None);
        var before = OutcomeReport.Build(Today.AddDays(-60), Today.AddDays(-31), Today, [], [started], LevyFigures.None, LevyFigures.None);

        Assert.Equal(1, lastMonth.JobOutcomesViaSwap);
        Assert.Equal(0m, lastMonth.CostPerOutcome);
        Assert.Null(lastMonth.Forecast);
        Assert.Equal(0, before.JobOutcomesViaSwap);
    }

    [Fact]
    public void A_range_wholly_after_today_counts_nothing_and_forecasts_from_its_start()
    {
        var figures = OutcomeReport.Build(Today.AddMonths(2), Today.AddMonths(3), Today, [Referred("c-1", Now)], [], LevyFigures.None, new LevyFigures(100m, 100m, 0m));

        Assert.Equal(0, figures.Referrals);
        Assert.Equal(0m, figures.Spend);
        Assert.Equal(Today.AddMonths(2), figures.Forecast!.From);
        Assert.Equal(100m, figures.Forecast.Spend);
    }
}
