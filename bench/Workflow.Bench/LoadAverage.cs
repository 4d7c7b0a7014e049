namespace Workflow.Bench;

/// <summary>The machine's 1-minute load average (Linux), so every figure says how busy the shared machine was.</summary>
public static class LoadAverage
{
    public static double OneMinute() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
}
