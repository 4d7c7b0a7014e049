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
/// <para>
/// Starts in the background and keeps trying while storage is unreachable, so the app itself
/// starts (and answers 503 from its health check) during an outage, and its workflows begin as
/// soon as storage is back.
/// </para>
/// </summary>
public sealed class WorkflowWorker(IServiceProvider services, AzureStorageOrchestrationService engine, ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private readonly ILogger _log = loggers.CreateLogger<WorkflowWorker>();
    private TaskHubWorker? _worker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.CreateIfNotExistsAsync();
                var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowJson.Converter }, loggers);
                var worker = new TaskHubWorker(engine, loggers)
                    .AddTaskOrchestrations(TaskRegistry.OrchestrationCreators(services, shims))
                    .AddTaskActivities(TaskRegistry.ActivityCreators(services, shims));
                // Failures reach the orchestration and the instance's status as details (type, message) staff can read.
                worker.ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails;
                await worker.StartAsync();
                _worker = worker;
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _log.LogWarning(e, "The workflow engine could not start (storage unreachable?); trying again in {Wait}", wait);
                await Task.Delay(wait, stoppingToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_worker is not null) await _worker.StopAsync(isForced: cancellationToken.IsCancellationRequested);
    }
}
