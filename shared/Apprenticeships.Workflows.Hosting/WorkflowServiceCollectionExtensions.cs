using Apprenticeships.Application.Workflows;
using Apprenticeships.Storage;
using Apprenticeships.Workflows.Hosting;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// In the DI namespace so the composition root adds the engine with one line.
namespace Microsoft.Extensions.DependencyInjection;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The workflows on the in-process Durable Task engine: the engine over the app's storage
    /// account, its worker (unless Durable:RunWorker is false), a client, and the application's
    /// workflow port on that client. Needs the application's services (AddApplication) and email.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkflowEngineOptions.Section).Get<WorkflowEngineOptions>() ?? new WorkflowEngineOptions();
        services.AddSingleton(options);
        services.AddSingleton(sp => WorkflowEngine.Create(sp.GetRequiredService<StorageAccount>(), options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableTaskClient>(sp => new EngineClient(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        services.AddSingleton<IWorkflows>(sp =>
        {
            var client = sp.GetRequiredService<DurableTaskClient>();
            return new DurableWorkflows(() => client);
        });
        if (options.RunWorker) services.AddHostedService<WorkflowWorker>();
        services.AddHostedService<BusinessClockRepeat>();
        return services;
    }
}
