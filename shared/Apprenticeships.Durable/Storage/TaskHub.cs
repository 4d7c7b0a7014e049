using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Apprenticeships.Durable.Storage;

/// <summary>The storage a task hub lives in, named from its prefix.</summary>
public sealed class TaskHub(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, DurableRuntimeOptions options)
{
    public TableClient Instances { get; } = tables.GetTableClient($"{options.TaskHub}Instances");
    public TableClient Status { get; } = tables.GetTableClient($"{options.TaskHub}Status");
    public TableClient Timers { get; } = tables.GetTableClient($"{options.TaskHub}Timers");
    public QueueClient Control { get; } = queues.GetQueueClient($"{options.TaskHub}-control");
    public QueueClient Work { get; } = queues.GetQueueClient($"{options.TaskHub}-work");
    public QueueClient Poison { get; } = queues.GetQueueClient($"{options.TaskHub}-poison");
    public BlobContainerClient Payloads { get; } = blobs.GetBlobContainerClient($"{options.TaskHub}-payloads");
    public DurableRuntimeOptions Options => options;

    private Task? _created;
    private readonly Lock _gate = new();

    /// <summary>Creates the hub's tables, queues and container once per process (again after a failure).</summary>
    public Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = Task.WhenAll(
                    Instances.CreateIfNotExistsAsync(), Status.CreateIfNotExistsAsync(), Timers.CreateIfNotExistsAsync(),
                    Control.CreateIfNotExistsAsync(), Work.CreateIfNotExistsAsync(), Poison.CreateIfNotExistsAsync(),
                    Payloads.CreateIfNotExistsAsync());
            }
            return _created.WaitAsync(ct);
        }
    }
}
