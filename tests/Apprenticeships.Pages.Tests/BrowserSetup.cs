using System.Diagnostics;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// Debian's Chromium for Playwright (Playwright's own browser download cannot be fetched here).
/// Installed with apt when missing (as root, or with password-less sudo). Outside CI a machine
/// that cannot install it skips the browser tests with a message naming the browser; under
/// CI=true the tests run regardless and fail clearly if it is still missing.
/// </summary>
public static class BrowserSetup
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] LaunchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    private static readonly Lazy<string?> Problem = new(EnsureChromium);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests cannot run here, or null when Chromium is installed (or now installed).</summary>
    public static string? MissingBrowser => Problem.Value;

    private static string? EnsureChromium()
    {
        if (File.Exists(ChromiumPath)) return null;
        var asRoot = Environment.UserName == "root";
        var apt = asRoot ? ("apt-get", "") : ("sudo", "-n apt-get");
        Run(apt.Item1, $"{apt.Item2} update -qq".Trim());
        Run(apt.Item1, $"{apt.Item2} install -y -qq chromium".Trim());
        return File.Exists(ChromiumPath) ? null
            : $"Chromium ({ChromiumPath}) is missing and 'apt-get install chromium' could not install it; install Debian's chromium package to run the browser tests.";
    }

    private static void Run(string file, string arguments)
    {
        try
        {
            var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(psi)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            process.WaitForExit(TimeSpan.FromMinutes(10));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No apt-get or sudo here: the caller reports the missing browser.
        }
    }
}

/// <summary>A browser test: skipped with the reason only when Chromium is missing and this is not CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserSetup.IsCi && BrowserSetup.MissingBrowser is { } reason) Skip = reason;
    }
}
