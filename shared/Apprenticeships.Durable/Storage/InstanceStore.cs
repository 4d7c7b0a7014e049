using System.Text.Json;
using Apprenticeships.Durable.History;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Storage;

/// <summary>A checkpoint lost the race: another worker changed the instance first.</summary>
internal sealed class CheckpointConflictException(Exception inner) : Exception("The instance changed since it was read.", inner);

/// <summary>
/// Reads and writes an instance's partition: the state row, history chunks and outbox rows.
/// A checkpoint is one entity-group transaction guarded by the state row's ETag.
/// </summary>
internal sealed class InstanceStore(TaskHub hub, LargeText text)
{
    public async Task<InstancePartition> LoadAsync(string instanceId, CancellationToken ct = default)
    {
        var partition = new InstancePartition { InstanceId = instanceId };
        var rows = new List<TableEntity>();
        await foreach (var row in hub.Instances.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: ct))
        {
            rows.Add(row);
        }
        partition.State = rows.FirstOrDefault(r => r.RowKey == "state");
        var generation = partition.Generation;
        foreach (var row in rows.Where(r => r.RowKey != "state").OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            if (InstancePartition.GenerationOf(row.RowKey) != generation)
            {
                partition.StaleRows.Add(row.RowKey);
            }
            else if (row.RowKey[0] == 'h')
            {
                partition.Record(JsonSerializer.Deserialize<List<HistoryEvent>>((await text.ReadAsync(row, "Events"))!, JsonPayload.Options)!);
                partition.NextChunk = int.Parse(row.RowKey.AsSpan(8, 6)) + 1;
            }
            else
            {
                var items = JsonSerializer.Deserialize<List<OutboxItem>>((await text.ReadAsync(row, "Items"))!, JsonPayload.Options)!;
                partition.Outbox.Add(new OutboxRow(row.RowKey, items, row.Timestamp));
            }
        }
        return partition;
    }

    public async Task<TableEntity> HistoryRowAsync(string instanceId, int generation, int chunk, List<HistoryEvent> events)
    {
        var row = new TableEntity(instanceId, InstancePartition.HistoryKey(generation, chunk));
        await text.WriteAsync(row, "Events", JsonSerializer.Serialize(events, JsonPayload.Options), instanceId);
        return row;
    }

    public async Task<TableEntity> OutboxRowAsync(string instanceId, string rowKey, List<OutboxItem> items)
    {
        var row = new TableEntity(instanceId, rowKey);
        await text.WriteAsync(row, "Items", JsonSerializer.Serialize(items, JsonPayload.Options), instanceId);
        return row;
    }

    /// <summary>
    /// Commits the actions atomically; the state row comes first and carries the ETag guard. Any
    /// 409/412 means another worker committed first (its history chunk or state won): reload and retry.
    /// </summary>
    public async Task<ETag> CommitAsync(TableEntity state, ETag? expected, IReadOnlyList<TableTransactionAction> others, CancellationToken ct = default)
    {
        var actions = new List<TableTransactionAction>(others.Count + 1)
        {
            expected is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, state),
        };
        actions.AddRange(others);
        try
        {
            var responses = await hub.Instances.SubmitTransactionAsync(actions, ct);
            return responses.Value[0].Headers.ETag ?? throw new InvalidOperationException("Storage returned no ETag for the state row.");
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new CheckpointConflictException(e);
        }
    }
}
