using System.Diagnostics;

namespace Apprenticeships.Storage.Azurite;

/// <summary>
/// Each started Azurite leaves a file "azurite-pid.owner-pid" in .azurite/run. On the next start, an
/// Azurite whose owner is gone (a killed app or test host) is stopped before we start another.
/// The stdin watchdog normally ends such orphans itself; this catches the rest.
/// </summary>
internal static class OrphanReaper
{
    public static string Record(string runDirectory, int azuritePid)
    {
        var file = Path.Combine(runDirectory, $"{azuritePid}.{Environment.ProcessId}");
        File.WriteAllText(file, "");
        return file;
    }

    public static void Reap(string runDirectory)
    {
        foreach (var file in Directory.GetFiles(runDirectory))
        {
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var azurite) || !int.TryParse(parts[1], out var owner))
            {
                continue;
            }
            if (IsAlive(owner)) continue;
            if (IsAzurite(azurite))
            {
                try { using var p = Process.GetProcessById(azurite); p.Kill(entireProcessTree: true); }
                catch (ArgumentException) { }
                catch (InvalidOperationException) { }
            }
            File.Delete(file);
        }
    }

    private static bool IsAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    // Pids are recycled: only stop a process that is really an Azurite.
    private static bool IsAzurite(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        if (File.Exists(cmdline)) return File.ReadAllText(cmdline).Contains("azurite", StringComparison.Ordinal);
        try { using var p = Process.GetProcessById(pid); return p.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase); }
        catch (ArgumentException) { return false; }
    }
}
