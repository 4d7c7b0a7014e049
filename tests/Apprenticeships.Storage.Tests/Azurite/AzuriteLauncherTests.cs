using System.Diagnostics;
using Apprenticeships.Storage;
using Apprenticeships.Storage.Azurite;
using Apprenticeships.Testing;
using Microsoft.Extensions.Configuration;

namespace Apprenticeships.Storage.Tests.Azurite;

public class AzuriteLauncherTests
{
    [Fact]
    public async Task Starts_on_free_ports_answers_all_three_services_and_stops_when_disposed()
    {
        var first = await AzuriteLauncher.StartAsync(new AzuriteOptions());
        var second = await AzuriteLauncher.StartAsync(new AzuriteOptions());
        try
        {
            Assert.NotEqual(first.TablePort, second.TablePort);
            var account = StorageAccount.FromConnectionString(first.ConnectionString);
            await account.Tables.GetPropertiesAsync();
            await account.Queues.GetPropertiesAsync();
            await account.Blobs.GetPropertiesAsync();

            // In-memory instances are separate: a table in one is not in the other.
            await account.Tables.CreateTableIfNotExistsAsync("onlyinfirst");
            var other = StorageAccount.FromConnectionString(second.ConnectionString);
            Assert.Empty(other.Tables.Query(t => t.Name == "onlyinfirst").ToList());
        }
        finally
        {
            second.Dispose();
        }
        first.Dispose();
        Assert.True(first.HasExited);
    }

    [Fact]
    public async Task Fails_with_a_message_naming_node_and_the_storage_settings_when_node_is_missing()
    {
        var error = await Assert.ThrowsAsync<NodeNotFoundException>(() =>
            AzuriteLauncher.StartAsync(new AzuriteOptions { NodeExecutable = "/nonexistent/node" }));
        Assert.Contains("Node.js", error.Message);
        Assert.Contains("AzureWebJobsStorage", error.Message);
    }

    [Fact]
    public async Task Keeps_data_on_disk_across_restarts_when_given_a_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), LocalAzurite.UniqueName("azurite"));
        try
        {
            using (var first = await AzuriteLauncher.StartAsync(new AzuriteOptions { DataDirectory = folder }))
            {
                var table = StorageAccount.FromConnectionString(first.ConnectionString).Tables.GetTableClient("kept");
                await table.CreateIfNotExistsAsync();
                await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["Name"] = "still here" });
            }
            using var second = await AzuriteLauncher.StartAsync(new AzuriteOptions { DataDirectory = folder });
            var again = StorageAccount.FromConnectionString(second.ConnectionString).Tables.GetTableClient("kept");
            Assert.Equal("still here", (await again.GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r")).Value["Name"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_azurite_whose_owner_dies_stops_by_itself()
    {
        // The owner's end of Azurite's stdin closes when the owner dies, however it dies.
        using var orphan = await StartBareAzuriteAsync();
        Assert.True(IsRunning(orphan.Id));

        orphan.StandardInput.Close();

        Assert.True(await ExitsWithinAsync(orphan.Id, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task The_next_start_stops_an_azurite_left_behind_by_a_killed_owner()
    {
        using var orphan = await StartBareAzuriteAsync();
        var runs = Path.Combine(RepositoryRoot.Find()!, ".azurite", "run");
        Directory.CreateDirectory(runs);
        using (var deadOwner = Process.Start("true")!)
        {
            deadOwner.WaitForExit();
            File.WriteAllText(Path.Combine(runs, $"{orphan.Id}.{deadOwner.Id}"), "");
        }

        using var next = await AzuriteLauncher.StartAsync(new AzuriteOptions());

        Assert.True(await ExitsWithinAsync(orphan.Id, TimeSpan.FromSeconds(10)));
        Assert.False(next.HasExited);
    }

    /// <summary>Azurite started the way the launcher does, but with nobody to stop it.</summary>
    private static async Task<Process> StartBareAzuriteAsync()
    {
        await LocalAzurite.GetAsync(); // makes sure Azurite is installed
        var root = RepositoryRoot.Find()!;
        var psi = new ProcessStartInfo("node",
        [
            "-r", $"{root}/shared/Apprenticeships.Storage/Azurite/parent-watchdog.cjs",
            $"{root}/node_modules/azurite/dist/src/azurite.js",
            "--inMemoryPersistence", "--disableTelemetry", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
        ]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        var process = Process.Start(psi)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("Table service is successfully listening"))
        {
        }
        return process;
    }

    private static async Task<bool> ExitsWithinAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsRunning(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return !IsRunning(pid);
    }

    [Fact]
    public void An_explicit_connection_string_is_used_as_given()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .Build();
        Assert.True(StorageAccount.IsConfigured(config));
        var account = StorageAccount.FromConfiguration(config);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.Tables.Uri);
    }

    [Fact]
    public void The_identity_based_form_builds_clients_for_each_service_uri()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
                ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
                ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            })
            .Build();
        var account = StorageAccount.FromConfiguration(config);
        Assert.Equal("acct", account.Tables.AccountName);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), account.Queues.Uri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), account.Blobs.Uri);
    }

    [Fact]
    public void Missing_storage_configuration_is_a_clear_error()
    {
        var config = new ConfigurationBuilder().Build();
        Assert.False(StorageAccount.IsConfigured(config));
        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(config));
        Assert.Contains("AzureWebJobsStorage", error.Message);
    }

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
}
