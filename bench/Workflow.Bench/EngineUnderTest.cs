using Apprenticeships.Storage;
using Apprenticeships.Workflows;
using Apprenticeships.Workflows.Hosting;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflow.Bench;

/// <summary>
/// The engine as the app runs it (WorkflowEngine's settings, a TaskHubWorker fed the bench's
/// classes through DurableTaskShimFactory, as WorkflowWorker does), except that its storage
/// clients carry the counting policy. The engine builds its own clients, so the policy goes in
/// through per-service client providers whose options carry it: every call the engine makes,
/// and the bench client's starts and raises, are counted. A second, uncounted engine on the same
/// hub watches for completion, so the watching costs nothing in the figures.
/// </summary>
public sealed class EngineUnderTest : IAsyncDisposable
{
    private static readonly Type[] Orchestrators = [typeof(HelloCities), typeof(WaitThenAct), typeof(SleepThenAct)];
    private static readonly Type[] Activities = [typeof(SayHello), typeof(Stamp)];

    private readonly TaskHubWorker _worker;
    private readonly AzureStorageOrchestrationService _engine;
    private readonly AzureStorageOrchestrationService _watcher;

    private EngineUnderTest(TaskHubWorker worker, AzureStorageOrchestrationService engine, AzureStorageOrchestrationService watcher, string settings)
    {
        _worker = worker;
        _engine = engine;
        _watcher = watcher;
        Client = new EngineClient(engine);
        Monitor = new EngineClient(watcher);
        Settings = settings;
    }

    /// <summary>Starts and signals through the counted engine.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>Reads status through the uncounted engine.</summary>
    public DurableTaskClient Monitor { get; }

    public string Settings { get; }

    public static async Task<EngineUnderTest> StartAsync(string connection, string preset, Action<WorkflowEngineOptions> overrides,
        CountingPolicy counter, Stamps stamps, ILoggerFactory loggers)
    {
        var account = StorageAccount.FromConnectionString(connection);
        var options = EnginePresets.Options(preset, "bench" + Guid.NewGuid().ToString("N")[..8]);
        overrides(options);

        var settings = WorkflowEngine.Settings(account, options, loggers);
        var counted = new StorageClientOptions { Policies = { counter } };
        settings.StorageAccountClientProvider = new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connection, counted.Apply(new BlobClientOptions())),
            StorageServiceClientProvider.ForQueue(connection, counted.Apply(new QueueClientOptions())),
            StorageServiceClientProvider.ForTable(connection, counted.Apply(new TableClientOptions())));
        EnginePresets.Tune(preset, settings);
        var engine = new AzureStorageOrchestrationService(settings);
        await engine.CreateIfNotExistsAsync();

        var watcherSettings = WorkflowEngine.Settings(account, options, loggers);
        EnginePresets.Tune(preset, watcherSettings);
        var watcher = new AzureStorageOrchestrationService(watcherSettings);

        var services = new ServiceCollection().AddSingleton(stamps).BuildServiceProvider();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowJson.Converter }, loggers);
        var worker = new TaskHubWorker(engine, loggers)
            .AddTaskOrchestrations(TaskRegistry.OrchestrationCreators(services, shims, Orchestrators))
            .AddTaskActivities(TaskRegistry.ActivityCreators(services, shims, Activities));
        worker.ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails;
        await worker.StartAsync();
        return new EngineUnderTest(worker, engine, watcher, EnginePresets.Describe(settings));
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
        _engine.Dispose();
        _watcher.Dispose();
    }
}
