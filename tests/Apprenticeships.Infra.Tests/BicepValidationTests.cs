using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Apprenticeships.Infra.Tests;

/// <summary>
/// infra/ lints and builds offline with every linter rule an error. Compiler warnings (an unknown
/// property, a wrong type) do not change bicep's exit code, so any line of output fails too.
/// </summary>
public class BicepValidationTests
{
    [Fact]
    public async Task Main_bicep_lints_clean()
    {
        var (exitCode, output) = await Bicep.RunAsync("lint", "main.bicep");
        Assert.True(exitCode == 0 && output.Length == 0, $"bicep lint exited {exitCode}:\n{output}");
    }

    [Fact]
    public async Task Main_bicep_and_its_parameters_build_clean()
    {
        var outDir = Directory.CreateTempSubdirectory("bicep").FullName;
        var (exitCode, output) = await Bicep.RunAsync("build", "main.bicep", "--outdir", outDir);
        Assert.True(exitCode == 0 && output.Length == 0, $"bicep build exited {exitCode}:\n{output}");
        Assert.True(File.Exists(Path.Combine(outDir, "main.json")));

        (exitCode, output) = await Bicep.RunAsync("build-params", "main.bicepparam", "--outfile", Path.Combine(outDir, "main.parameters.json"));
        Assert.True(exitCode == 0 && output.Length == 0, $"bicep build-params exited {exitCode}:\n{output}");
    }

    [Fact]
    public void Every_linter_rule_in_bicepconfig_is_an_error()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraFolder, "bicepconfig.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        Assert.True((bool?)config["analyzers"]?["core"]?["enabled"]);
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();
        Assert.True(rules.Count >= 30, $"only {rules.Count} rules configured");
        Assert.All(rules, rule => Assert.Equal("error", (string?)rule.Value?["level"]));
    }

    [Fact]
    public void Modules_are_local_files_so_nothing_is_fetched_from_a_registry()
    {
        foreach (var file in Directory.GetFiles(Bicep.InfraFolder, "*.bicep", SearchOption.AllDirectories))
        {
            foreach (Match module in Regex.Matches(File.ReadAllText(file), @"^\s*module\s+\w+\s+'([^']+)'", RegexOptions.Multiline))
            {
                var path = module.Groups[1].Value;
                Assert.False(path.Contains(':') || path.StartsWith("br/") || path.StartsWith("ts/"), $"{file} uses a registry module: {path}");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, path)), $"{file}: {path} does not exist");
            }
        }
    }
}
