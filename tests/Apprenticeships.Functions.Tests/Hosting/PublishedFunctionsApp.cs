using System.Diagnostics;
using Apprenticeships.Storage.Azurite;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// `dotnet publish functions -c Release` into a temporary folder, once per test class. Its own
/// artifacts path keeps the Release build away from the checkout's bin/ and obj/.
/// </summary>
public sealed class PublishedFunctionsApp : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("published").FullName;

    public string Folder => Path.Combine(_scratch, "out");
    public string Root { get; } = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run from the repository.");

    public async Task InitializeAsync()
    {
        var (code, output) = await RunAsync("dotnet", Root,
            "publish", "functions", "-c", "Release", "-o", Folder, "--artifacts-path", Path.Combine(_scratch, "artifacts"), "--nologo");
        Assert.True(code == 0, $"dotnet publish failed ({code}):\n{output}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }

    internal static async Task<(int Code, string Output)> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} took over 10 minutes");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
