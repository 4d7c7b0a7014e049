using System.Text;
using System.Text.Json;
using Apprenticeships.Storage.Azurite;
using Microsoft.Playwright;

namespace Apprenticeships.Pages.Tests;

/// <summary>
/// axe-core (the npm package pinned in package.json, installed with the app's other node packages)
/// run on pages in the browser. The pages' Content-Security-Policy forbids inline script, which is
/// how Playwright injects a script tag, so the page's context must be made with
/// <see cref="BrowserNewContextOptions.BypassCSP"/> (see <see cref="PagesApp.AuditContextAsync"/>);
/// only the audit's contexts do that, never the tests that check the policy holds.
/// </summary>
public sealed class Axe
{
    /// <summary>The impacts that fail a page; minor and moderate findings are left to judgement.</summary>
    public static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(NodePackages.Folder(RepositoryRoot.Find()!, "axe-core"), "axe.min.js");
        return File.Exists(path) ? path : throw new FileNotFoundException("axe-core is not installed: run 'npm ci' in the repository root.", path);
    });

    private readonly List<string> _findings = [];
    private readonly List<string> _lesser = [];
    private readonly List<string> _audited = [];

    /// <summary>The serious and critical violations found so far, one line each.</summary>
    public IReadOnlyList<string> Findings => _findings;

    /// <summary>The pages audited so far, by the names the test gave them.</summary>
    public IReadOnlyList<string> Audited => _audited;

    /// <summary>Runs axe on the page as it is now and keeps each serious or critical violation, named by <paramref name="what"/>.</summary>
    public async Task CheckAsync(IPage page, string what)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = Script.Value });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await window.axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        _audited.Add(what);
        foreach (var v in violations.EnumerateArray())
        {
            var impact = v.GetProperty("impact").GetString();
            var targets = string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
            var finding = $"{what} ({new Uri(page.Url).PathAndQuery}): [{impact}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {targets}";
            (FailingImpacts.Contains(impact) ? _findings : _lesser).Add(finding);
        }
    }

    /// <summary>Writes every finding, the lesser ones too, to tests/artifacts/axe-{name}.txt for a person to read.</summary>
    public void WriteReport(string name)
    {
        var lines = new List<string> { $"{_audited.Count} page(s) audited: {string.Join("; ", _audited)}", "", "Serious or critical:" };
        lines.AddRange(_findings.Count == 0 ? ["none"] : _findings);
        lines.AddRange(["", "Minor or moderate:"]);
        lines.AddRange(_lesser.Count == 0 ? ["none"] : _lesser);
        File.WriteAllLines(Path.Combine(PagesApp.Artifacts, $"axe-{name}.txt"), lines);
    }

    /// <summary>Fails listing every serious or critical violation found on every page audited.</summary>
    public void AssertClean([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        WriteReport(test);
        if (_findings.Count == 0) return;
        var report = new StringBuilder($"axe-core found {_findings.Count} serious or critical violation(s) on {_audited.Count} page(s) audited:\n");
        foreach (var finding in _findings) report.AppendLine(finding);
        Assert.Fail(report.ToString());
    }
}
