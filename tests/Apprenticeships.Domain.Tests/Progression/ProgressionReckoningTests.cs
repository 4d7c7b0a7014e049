using Apprenticeships.Domain.Progression;

namespace Apprenticeships.Domain.Tests.Progression;

public class ProgressionReckoningTests
{
    private static readonly DateOnly From = new(2026, 4, 1), To = new(2027, 3, 31);

    [Fact]
    public void The_median_is_the_middle_rise_or_the_mean_of_the_middle_two_to_the_penny()
    {
        Assert.Null(ProgressionReckoning.Median([]));
        Assert.Equal(0.50m, ProgressionReckoning.Median([0.90m, 0.50m, 0.10m]));
        Assert.Equal(0.58m, ProgressionReckoning.Median([0.66m, 0.50m]));
        Assert.Equal(0.33m, ProgressionReckoning.Median([0.33m, 0.32m, 0.34m, 0.33m]));
    }

    [Fact]
    public void Only_rises_taking_effect_in_the_period_count_and_a_persons_rises_are_added_up()
    {
        var ana = new ProgressionParticipant("p-1", "e-1", ParticipantKind.EmployerStaff, null, From)
        {
            PayChanges =
            [
                new("pc-1", From.AddDays(10), 11.00m, 11.50m, null, null),
                new("pc-2", From.AddDays(100), 11.50m, 12.00m, 30m, 28m), // hours cut: no hours rise
                new("pc-3", To.AddDays(1), 12.00m, 13.00m, null, null),    // after the period
            ],
        };
        var ben = new ProgressionParticipant("p-2", "e-1", ParticipantKind.EmployerStaff, null, From) { PayChanges = [new("pc-4", From, 10.00m, 9.50m, 16m, 24m)] };
        var report = ProgressionReckoning.Build(From, To, [ana, ben], [], new Dictionary<string, string> { ["e-1"] = "Acorn Care" });

        var acorn = Assert.Single(report.Employers);
        Assert.Equal(2, acorn.PeopleWhoseEarningsRose);
        Assert.Equal(1, acorn.PeopleWithPayRise);
        Assert.Equal(1.00m, acorn.TotalHourlyRise);
        Assert.Equal(1, acorn.PeopleWithHoursRise);
        Assert.Equal(8m, acorn.TotalWeeklyHoursRise);
        Assert.Null(acorn.Turnover); // no headcount return
    }

    [Fact]
    public void Turnover_is_leavers_over_average_headcount_of_the_returns_in_the_period()
    {
        HeadcountReturn[] returns = [new("e-1", From.AddDays(-1), 100, 50), new("e-1", From.AddDays(90), 20, 1), new("e-1", From.AddDays(180), 30, 4), new("e-2", From.AddDays(30), 10, 0)];
        var report = ProgressionReckoning.Build(From, To, [], returns, new Dictionary<string, string>());
        var e1 = report.Employers.Single(e => e.EmployerId == "e-1");
        Assert.Equal(5, e1.Leavers);
        Assert.Equal(25m, e1.AverageHeadcount);
        Assert.Equal(0.2m, e1.Turnover);
        Assert.Equal(0m, report.Employers.Single(e => e.EmployerId == "e-2").Turnover);
        Assert.Equal(35m, report.Total.AverageHeadcount); // 25 at one, 10 at the other
        Assert.Equal(Math.Round(5m / 35m, 4), report.Total.Turnover);
    }
}
