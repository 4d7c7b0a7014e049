using Apprenticeships.Storage;
using Apprenticeships.Storage.Azurite;

namespace Apprenticeships.Functions.Hosting;

public static class LocalStorage
{
    /// <summary>
    /// In Development with no AzureWebJobsStorage set, start Azurite (data kept under
    /// .azurite/data so a restart keeps candidates) and point the app at it. Anywhere else,
    /// missing storage is a configuration error, reported when the account is first used.
    /// </summary>
    public static async Task UseLocalStorageWhenUnconfiguredAsync(this IHostApplicationBuilder builder)
    {
        if (StorageAccount.IsConfigured(builder.Configuration) || !builder.Environment.IsDevelopment())
        {
            return;
        }
        var root = RepositoryRoot.Find() ?? builder.Environment.ContentRootPath;
        var azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions
        {
            RepositoryRoot = root,
            DataDirectory = Path.Combine(root, ".azurite", "data"),
        });
        // The container disposes registered instances on shutdown, which stops Azurite;
        // ProcessExit covers a SIGTERM that arrives before the host is built.
        builder.Services.AddSingleton(azurite);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Dispose();
        builder.Configuration[StorageAccount.SettingName] = azurite.ConnectionString;
        Console.WriteLine($"Local storage: Azurite (pid {azurite.ProcessId}) on blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}; data in .azurite/data");
    }
}
