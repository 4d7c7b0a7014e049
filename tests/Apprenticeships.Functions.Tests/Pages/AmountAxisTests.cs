using Apprenticeships.Functions.Pages.Finance;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>The finance chart's amount axis reads in round figures, whatever the account holds.</summary>
public class AmountAxisTests
{
    [Theory]
    [InlineData(63_417.12, 0, 80_000, 0, 20_000)]
    [InlineData(63_417.12, 12_000, 80_000, 20_000, 20_000)]
    [InlineData(950, 120, 1_000, 200, 200)]
    [InlineData(0, 0, 1, 0, 1)]
    [InlineData(1_234_567, 0, 1_500_000, 0, 500_000)]
    public void Ticks_are_one_two_or_five_times_a_power_of_ten_and_cover_both_sides(double highest, double below, double up, double down, double step)
    {
        var axis = AmountAxis.For((decimal)highest, (decimal)below);
        Assert.Equal((decimal)up, axis.Up);
        Assert.Equal((decimal)down, axis.Down);
        Assert.Equal((decimal)step, axis.Step);
        Assert.Contains(0m, axis.Ticks);
        Assert.InRange(axis.Ticks.Count(), 2, 12);
    }
}
