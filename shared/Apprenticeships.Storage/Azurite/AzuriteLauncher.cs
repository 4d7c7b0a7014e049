using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Apprenticeships.Storage.Azurite;

/// <summary>
/// Installs (from the repo's pinned package.json) and starts the Azurite emulator for local runs
/// and tests. Azurite binds port 0 for each service, so concurrent runs never collide, and we
/// read the ports it actually got from its start-up lines.
/// </summary>
public static partial class AzuriteLauncher
{
    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();

    public static async Task<AzuriteInstance> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        var node = FindExecutable(options.NodeExecutable) ?? throw new NodeNotFoundException(options.NodeExecutable);
        var root = options.RepositoryRoot ?? RepositoryRoot.Find()
            ?? throw new InvalidOperationException(
                "Cannot find the Apprenticeships checkout (Apprenticeships.sln with package.json) to run Azurite from. " +
                "Run from the repository, or set AzureWebJobsStorage to real storage.");
        var work = Directory.CreateDirectory(Path.Combine(root, ".azurite")).FullName;
        var runs = Directory.CreateDirectory(Path.Combine(work, "run")).FullName;

        OrphanReaper.Reap(runs);
        await NodePackages.EnsureInstalledAsync(root, node, cancellationToken);

        var entry = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        var watchdog = Path.Combine(root, "shared", "Apprenticeships.Storage", "Azurite", "parent-watchdog.cjs");
        var args = new List<string>
        {
            "-r", watchdog, entry,
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
            "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent",
        };
        if (options.DataDirectory is null)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            args.AddRange(["--location", Directory.CreateDirectory(options.DataDirectory).FullName]);
        }

        // setsid gives Azurite its own process group, so a Ctrl+C aimed at the app reaches the
        // app first and the app stops Azurite in order (setsid execs node: the pid stays ours).
        var setsid = OperatingSystem.IsWindows() ? null : FindExecutable("setsid");
        var psi = new ProcessStartInfo(setsid ?? node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        if (setsid is not null)
        {
            psi.ArgumentList.Add(node);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Azurite did not start.");
        var ownerFile = OrphanReaper.Record(runs, process.Id);
        var ports = new Dictionary<string, int>();
        var errors = new System.Text.StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { ready.TrySetResult(); return; }
            var m = ListeningLine().Match(e.Data);
            if (!m.Success) return;
            lock (ports)
            {
                ports[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
                if (ports.Count == 3) ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(options.StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Fall through: fewer than three ports means it is not ready.
        }
        lock (ports)
        {
            var instance = new AzuriteInstance(process, ports.GetValueOrDefault("Blob"), ports.GetValueOrDefault("Queue"),
                ports.GetValueOrDefault("Table"), ownerFile);
            if (ports.Count == 3) return instance;
            instance.Dispose();
            lock (errors)
            {
                throw new InvalidOperationException(
                    $"Azurite was not listening on all three services within {options.StartTimeout.TotalSeconds:0} s: {errors}");
            }
        }
    }

    internal static string? FindExecutable(string name)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? name : null;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", "" } : [""];
        return dirs.SelectMany(d => suffixes.Select(s => Path.Combine(d, name + s))).FirstOrDefault(File.Exists);
    }
}
