using Apprenticeships.Functions.Hosting.FunctionsHost;
using Apprenticeships.Testing;
using Microsoft.Extensions.Hosting;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The app as the Functions isolated worker composes it (<see cref="FunctionsWorker"/>), built in
/// the test process but not started: starting needs the Functions host, which cannot be installed
/// here. What the host would ask of it (its functions) and what it does with a forwarded request
/// are our own code paths, tested through this.
/// </summary>
internal static class WorkerHost
{
    public static async Task<IHost> BuildAsync(string environment = "Production")
    {
        var connection = await LocalAzurite.ConnectionStringAsync();
        return await FunctionsWorker.BuildAsync(
        [
            "--environment", environment,
            "--AzureWebJobsStorage", connection,
            "--Hub:PublicUrl", "https://apprenticeships.example.gov.uk",
            "--Links:SigningKey", "a-test-signing-key-that-is-long-enough-for-links",
        ]);
    }
}
