using Apprenticeships.Durable.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Client;

public sealed partial class DurableTaskClient
{
    /// <summary>The instance's status from its state row (always current), or null if there is none.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = true, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var state = await _hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "state", cancellationToken: ct);
        return state.HasValue ? await ToMetadataAsync(state.Value!, getInputsAndOutputs) : null;
    }

    public async Task<OrchestrationHistory?> GetHistoryAsync(string instanceId, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var partition = await _store.LoadAsync(instanceId, ct);
        return partition.State is null ? null : new OrchestrationHistory(instanceId, partition.Generation, partition.History);
    }

    /// <summary>Pages through instances matching the query, from the status projection.</summary>
    public async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var filters = new List<string>();
        if (query.Statuses is { Count: > 0 } statuses)
            filters.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        if (query.Name is { } name) filters.Add(TableClient.CreateQueryFilter($"Name eq {name}"));
        if (query.CreatedFrom is { } from) filters.Add(TableClient.CreateQueryFilter($"CreatedAt ge {DateTime.SpecifyKind(from, DateTimeKind.Utc)}"));
        if (query.CreatedTo is { } to) filters.Add(TableClient.CreateQueryFilter($"CreatedAt lt {DateTime.SpecifyKind(to, DateTimeKind.Utc)}"));
        var filter = filters.Count == 0 ? null : string.Join(" and ", filters);
        await foreach (var page in _hub.Status.QueryAsync<TableEntity>(filter, query.PageSize, cancellationToken: ct).AsPages(query.ContinuationToken, query.PageSize))
        {
            var items = new List<OrchestrationMetadata>();
            foreach (var row in page.Values) items.Add(await ToMetadataAsync(row, false));
            return new OrchestrationQueryPage(items, page.ContinuationToken);
        }
        return new OrchestrationQueryPage([], null);
    }

    /// <summary>Polls until the instance completes, fails or is terminated.</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken ct = default)
    {
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var status = await GetInstanceAsync(instanceId, true, ct) ?? throw new InstanceNotFoundException(instanceId);
            if (status.IsCompleted) return status;
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>Deletes an instance's state, history, outbox, status row and payload blobs.</summary>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        var keys = new List<string>();
        await foreach (var row in _hub.Instances.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(row.RowKey);
        }
        foreach (var batch in keys.Chunk(100))
        {
            await _hub.Instances.SubmitTransactionAsync(batch.Select(k =>
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All)), ct);
        }
        await _projection.DeleteAsync(instanceId, ct);
        await foreach (var blob in _hub.Payloads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Uri.EscapeDataString(instanceId) + "/", ct))
        {
            await _hub.Payloads.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct);
        }
        return keys.Count > 0;
    }

    /// <summary>Purges finished instances matching the query (unfinished ones are never purged). Returns how many.</summary>
    public async Task<int> PurgeInstancesAsync(OrchestrationQuery query, CancellationToken ct = default)
    {
        var finished = (query.Statuses ?? Enum.GetValues<OrchestrationRuntimeStatus>()).Where(s => s.IsTerminal()).ToArray();
        if (finished.Length == 0) return 0;
        var purged = 0;
        string? token = null;
        do
        {
            var page = await QueryInstancesAsync(query with { Statuses = finished, ContinuationToken = token }, ct);
            foreach (var instance in page.Instances)
            {
                if (await PurgeInstanceAsync(instance.InstanceId, ct)) purged++;
            }
            token = page.ContinuationToken;
        } while (token is not null);
        return purged;
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(TableEntity row, bool withPayloads) => new(row.PartitionKey, row.GetString("Name") ?? "")
    {
        RuntimeStatus = Status(row),
        CreatedAt = row.GetDateTime("CreatedAt") ?? default,
        LastUpdatedAt = row.GetDateTime("UpdatedAt") ?? default,
        SerializedInput = withPayloads ? await _text.ReadAsync(row, "Input") : null,
        SerializedOutput = withPayloads ? await _text.ReadAsync(row, "Output") : null,
        SerializedCustomStatus = row.GetString("CustomStatus"),
        FailureDetails = row.GetString("Failure") is { } f ? JsonPayload.Deserialize<TaskFailureDetails>(f) : null,
    };
}
