namespace Workflow.Bench;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile of a sample (q in 0..1).</summary>
    public static double Of(IEnumerable<double> sample, double q)
    {
        var sorted = sample.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
