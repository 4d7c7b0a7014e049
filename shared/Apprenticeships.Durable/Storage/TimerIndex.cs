using System.Text.Json;
using Apprenticeships.Durable.Messaging;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Storage;

/// <summary>
/// Durable timers: one row per timer in a due-time index (row key = due ticks), so finding the
/// due ones is one range query however many months ahead the others are.
/// </summary>
internal sealed class TimerIndex(TaskHub hub)
{
    private const string Partition = "due";

    public Task SetAsync(DateTime fireAt, WorkMessage fired, CancellationToken ct = default)
    {
        var row = new TableEntity(Partition, $"{fireAt.ToUniversalTime().Ticks:D19}_{fired.Id}")
        {
            ["Message"] = JsonSerializer.Serialize(fired, JsonPayload.Options),
        };
        // Upsert: a resend of the same outbox item finds the row already there.
        return hub.Timers.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<List<(TableEntity Row, WorkMessage Message)>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        var before = $"{now.UtcTicks:D19}~";
        var due = new List<(TableEntity, WorkMessage)>();
        await foreach (var page in hub.Timers.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition && e.RowKey.CompareTo(before) < 0, maxPerPage: max, cancellationToken: ct).AsPages())
        {
            foreach (var row in page.Values)
            {
                due.Add((row, JsonSerializer.Deserialize<WorkMessage>(row.GetString("Message"), JsonPayload.Options)!));
            }
            break;
        }
        return due;
    }

    public async Task DeleteAsync(TableEntity row, CancellationToken ct = default)
    {
        try
        {
            await hub.Timers.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another worker fired it too; the duplicate message is ignored by the instance.
        }
    }
}
