namespace Apprenticeships.Functions.Pages.Finance;

/// <summary>
/// A money axis with round ticks: a step of 1, 2 or 5 times a power of ten, chosen so the larger
/// side has at most five ticks, and both ends on a tick (e.g. £0 to £80,000 in £20,000 steps,
/// and -£20,000 below when money went out).
/// </summary>
public sealed record AmountAxis(decimal Up, decimal Down, decimal Step)
{
    public IEnumerable<decimal> Ticks
    {
        get
        {
            for (var tick = -Down; tick <= Up; tick += Step) yield return tick;
        }
    }

    public static AmountAxis For(decimal highest, decimal lowestBelowZero)
    {
        var up = Math.Max(0m, highest);
        var down = Math.Max(0m, lowestBelowZero);
        // Whole pounds at least: an empty account still gets a £0 to £1 axis.
        var step = RoundStep(Math.Max(Math.Max(up, down), 5m) / 5m);
        return new(Math.Max(step, Math.Ceiling(up / step) * step), Math.Ceiling(down / step) * step, step);
    }

    private static decimal RoundStep(decimal rough)
    {
        var power = 1m;
        while (power * 10 <= rough) power *= 10;
        while (power > rough && power > 0.01m) power /= 10;
        foreach (var multiple in new[] { 1m, 2m, 5m, 10m })
            if (power * multiple >= rough) return power * multiple;
        return power * 10;
    }
}
