using System.Text.Json.Nodes;
using Apprenticeships.Storage.Azurite;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The README's `dotnet run --project functions` runs the app itself, not the Functions SDK's
/// `func start`, which fails on a machine without Azure Functions Core Tools.
/// </summary>
public class RunCommandTests
{
    [Fact]
    public async Task Dotnet_run_starts_the_app_in_process_not_the_functions_core_tools()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run from the repository.");
        var (code, output) = await PublishedFunctionsApp.RunAsync("dotnet", root,
            "msbuild", "functions", "-nologo", "-target:ComputeRunArguments", "-getProperty:RunCommand", "-getProperty:RunArguments", "-getProperty:RunWorkingDirectory");
        Assert.True(code == 0, output);
        var run = JsonNode.Parse(output[output.IndexOf('{')..])!["Properties"]!;
        Assert.Equal(OperatingSystem.IsWindows() ? "Apprenticeships.Functions.exe" : "Apprenticeships.Functions", Path.GetFileName((string)run["RunCommand"]!));
        Assert.DoesNotContain("func", (string)run["RunArguments"]!);
        Assert.Equal(Path.Combine(root, "functions"), (string)run["RunWorkingDirectory"]!);
    }
}
