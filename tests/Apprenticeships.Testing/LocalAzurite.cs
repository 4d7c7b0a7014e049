using Apprenticeships.Storage;
using Apprenticeships.Storage.Azurite;

namespace Apprenticeships.Testing;

/// <summary>
/// One in-memory Azurite per test process, started on first use on ports of its own, so
/// two test runs at once never share data. Tests isolate themselves with unique names.
/// </summary>
public static class LocalAzurite
{
    private static readonly Lazy<Task<AzuriteInstance>> Instance = new(StartAsync);

    public static Task<AzuriteInstance> GetAsync() => Instance.Value;

    public static async Task<string> ConnectionStringAsync() => (await GetAsync()).ConnectionString;

    public static async Task<StorageAccount> AccountAsync(StorageClientOptions? options = null) =>
        StorageAccount.FromConnectionString(await ConnectionStringAsync(), options);

    /// <summary>A name unique to this test, valid for tables, queues and containers (lowercase letters and digits).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    private static async Task<AzuriteInstance> StartAsync()
    {
        var azurite = await AzuriteLauncher.StartAsync(new AzuriteOptions());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Dispose();
        return azurite;
    }
}
