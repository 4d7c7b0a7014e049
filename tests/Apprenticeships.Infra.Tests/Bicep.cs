using System.Diagnostics;
using System.Reflection;
using Apprenticeships.Storage.Azurite;

namespace Apprenticeships.Infra.Tests;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine NuGet package: no Azure CLI, no network.</summary>
internal static class Bicep
{
    public static string InfraFolder { get; } = Path.Combine(
        RepositoryRoot.Find() ?? throw new InvalidOperationException("Run from the repository."), "infra");

    private static readonly Lazy<string> Executable = new(() =>
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}; restore the test project.");
        // NuGet does not keep file modes everywhere; the CLI must be executable to run.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    });

    /// <summary>Runs bicep in infra/ and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value) { WorkingDirectory = InfraFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
