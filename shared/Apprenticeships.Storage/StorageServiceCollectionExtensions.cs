using Apprenticeships.Storage.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Apprenticeships.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the storage account from AzureWebJobsStorage, its three service clients, and a health check per service.</summary>
    public static IServiceCollection AddStorageAccount(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => StorageAccount.FromConfiguration(configuration, sp.GetService<StorageClientOptions>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().Queues);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().Blobs);
        var health = services.AddHealthChecks();
        foreach (var service in Enum.GetValues<StorageService>())
        {
            health.Add(new HealthCheckRegistration(
                service.ToString().ToLowerInvariant(),
                sp => new StorageHealthCheck(sp.GetRequiredService<StorageAccount>(), service),
                HealthStatus.Unhealthy,
                ["storage"],
                TimeSpan.FromSeconds(5)));
        }
        return services;
    }
}
