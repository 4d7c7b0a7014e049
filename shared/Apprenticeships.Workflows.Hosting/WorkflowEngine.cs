using Apprenticeships.Storage;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// The Durable Task Framework's Azure Storage engine on the app's storage account, laid out as
/// Durable Functions lays out a task hub (same tables, queues and lease container for the same
/// hub name), so Durable Functions and its tooling can read and take over the same hub.
/// </summary>
public static class WorkflowEngine
{
    public static AzureStorageOrchestrationService Create(StorageAccount account, WorkflowEngineOptions options, ILoggerFactory loggers) =>
        new(Settings(account, options, loggers));

    /// <summary>The engine's settings from ours, before the engine is built (bench/ swaps in storage clients that count calls).</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(StorageAccount account, WorkflowEngineOptions options, ILoggerFactory loggers)
    {
        if (!WorkflowEngineOptions.IsValidHubName(options.TaskHub))
            throw new InvalidOperationException($"Durable__TaskHub '{options.TaskHub}' is not a task hub name: 3-45 letters and digits, starting with a letter.");
        var clients = account.ConnectionString is { } connection
            ? new StorageAccountClientProvider(connection)
            : new StorageAccountClientProvider(account.Blobs.Uri, account.Queues.Uri, account.Tables.Uri, account.Credential!);
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = clients,
            TaskHubName = options.TaskHub,
            WorkerId = options.WorkerId,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            LoggerFactory = loggers,
        };
    }
}
