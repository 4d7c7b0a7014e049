using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// Runs the workflows in this process: DurableTask.Core's worker over the Azure Storage engine,
/// fed our Microsoft.DurableTask classes through the SDK's shims. Several app instances on one
/// task hub share the partitions between them through the engine's leases.
/// </summary>
public sealed class WorkflowWorker(IServiceProvider services, AzureStorageOrchestrationService engine, ILoggerFactory loggers) : IHostedService
{
    private TaskHubWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await engine.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowJson.Converter }, loggers);
        _worker = new TaskHubWorker(engine, loggers)
            .AddTaskOrchestrations(TaskRegistry.OrchestrationCreators(services, shims))
            .AddTaskActivities(TaskRegistry.ActivityCreators(services, shims));
        // Failures reach the orchestration (and the instance's status) as details, not as exception types to rebuild.
        _worker.ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails;
        await _worker.StartAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null) await _worker.StopAsync(isForced: cancellationToken.IsCancellationRequested);
    }
}
