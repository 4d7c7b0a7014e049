using System.Diagnostics;
using System.Text.Json;

namespace Apprenticeships.Storage.Azurite;

/// <summary>
/// The npm packages the checkout pins in package.json (Azurite for local storage, govuk-frontend for
/// the pages), installed with 'npm ci' on first use. Every pinned package is checked, not just the
/// one a caller needs: 'npm ci' replaces node_modules, so it must run once, before anything (such as
/// a running Azurite) uses it.
/// </summary>
public static class NodePackages
{
    public static async Task EnsureInstalledAsync(string root, string node = "node", CancellationToken ct = default)
    {
        if (AllInstalled(root)) return;
        var nodePath = AzuriteLauncher.FindExecutable(node) ?? throw new NodeNotFoundException(node);
        var work = Directory.CreateDirectory(Path.Combine(root, ".azurite")).FullName;

        // Two test runs (or a test run and the app) may start together on a fresh clone:
        // one installs, the others wait on the lock and then find it done.
        await using var gate = await AcquireLockAsync(Path.Combine(work, "install.lock"), ct);
        if (AllInstalled(root)) return;

        var npm = AzuriteLauncher.FindExecutable(Path.Combine(Path.GetDirectoryName(nodePath)!, "npm")) ?? AzuriteLauncher.FindExecutable("npm")
            ?? throw new NodeNotFoundException("npm");
        var psi = new ProcessStartInfo(npm)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }) psi.ArgumentList.Add(a);
        using var npmProcess = Process.Start(psi)!;
        var stderr = npmProcess.StandardError.ReadToEndAsync(ct);
        _ = npmProcess.StandardOutput.ReadToEndAsync(ct);
        await npmProcess.WaitForExitAsync(ct);
        if (npmProcess.ExitCode != 0 || !AllInstalled(root))
        {
            throw new InvalidOperationException($"'npm ci' in {root} failed to install {string.Join(", ", Pinned(root).Select(p => $"{p.Key} {p.Value}"))}: {await stderr}");
        }
    }

    /// <summary>The installed package's folder (node_modules/{name}).</summary>
    public static string Folder(string root, string package) => Path.Combine(root, "node_modules", package);

    private static bool AllInstalled(string root) =>
        Pinned(root).All(p => InstalledVersion(Path.Combine(Folder(root, p.Key), "package.json")) == p.Value);

    private static Dictionary<string, string> Pinned(string root)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package.json")));
        var pinned = new Dictionary<string, string>();
        foreach (var section in new[] { "dependencies", "devDependencies" })
        {
            if (!doc.RootElement.TryGetProperty(section, out var packages)) continue;
            foreach (var package in packages.EnumerateObject()) pinned[package.Name] = package.Value.GetString()!;
        }
        return pinned;
    }

    private static string? InstalledVersion(string packageJson)
    {
        if (!File.Exists(packageJson)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(packageJson));
        return doc.RootElement.GetProperty("version").GetString();
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, ct);
            }
        }
    }
}
