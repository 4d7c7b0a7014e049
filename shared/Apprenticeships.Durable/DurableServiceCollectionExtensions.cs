using Apprenticeships.Durable.Client;
using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Storage;
using Apprenticeships.Durable.Worker;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable;

public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime: the client, a worker (run as a hosted service unless
    /// StartWorker is off) and the orchestrators and activities named in <paramref name="configure"/>.
    /// Needs TableServiceClient, QueueServiceClient and BlobServiceClient registered; uses the
    /// registered TimeProvider (the system clock if none).
    /// </summary>
    public static IServiceCollection AddDurableRuntime(this IServiceCollection services, Action<DurableRuntimeOptions> configure)
    {
        var options = new DurableRuntimeOptions();
        configure(options);
        if (!System.Text.RegularExpressions.Regex.IsMatch(options.TaskHub, "^[a-z][a-z0-9]{2,40}$"))
        {
            throw new ArgumentException("The task hub name must be 3-41 lowercase letters and digits, starting with a letter.", nameof(configure));
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(sp => new TaskHub(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<QueueServiceClient>(),
            sp.GetRequiredService<BlobServiceClient>(), options));
        services.AddSingleton<LargeText>();
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<HubQueue>();
        services.AddSingleton<TimerIndex>();
        services.AddSingleton<StatusProjection>();
        services.AddSingleton<ActivityRunner>();
        services.AddSingleton<OrchestrationProcessor>();
        services.AddSingleton<DeliveryFailures>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<StatusRepair>();
        services.AddSingleton(sp => new DurableTaskClient(sp.GetRequiredService<TaskHub>(), sp.GetRequiredService<InstanceStore>(),
            sp.GetRequiredService<HubQueue>(), sp.GetRequiredService<StatusProjection>(), sp.GetRequiredService<LargeText>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DurableWorker(sp.GetRequiredService<TaskHub>(), sp.GetRequiredService<HubQueue>(),
            sp.GetRequiredService<OrchestrationProcessor>(), sp.GetRequiredService<ActivityRunner>(), sp.GetRequiredService<TimerIndex>(),
            sp.GetRequiredService<DeliveryFailures>(), sp.GetRequiredService<OutboxSweeper>(), sp.GetRequiredService<StatusRepair>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        if (options.StartWorker)
        {
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableWorker>());
        }
        return services;
    }
}
