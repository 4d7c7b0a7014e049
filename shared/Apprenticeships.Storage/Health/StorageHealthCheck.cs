using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Apprenticeships.Storage.Health;

/// <summary>Reports whether one storage service answers: a cheap service-properties call each.</summary>
public sealed class StorageHealthCheck(StorageAccount account, StorageService service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            switch (service)
            {
                case StorageService.Tables:
                    await account.Tables.GetPropertiesAsync(cancellationToken);
                    break;
                case StorageService.Queues:
                    await account.Queues.GetPropertiesAsync(cancellationToken);
                    break;
                case StorageService.Blobs:
                    await account.Blobs.GetPropertiesAsync(cancellationToken);
                    break;
            }
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("unreachable", e);
        }
    }
}

public enum StorageService { Tables, Queues, Blobs }
