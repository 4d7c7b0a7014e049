using System.Text.Json;
using Apprenticeships.Durable.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Worker;

/// <summary>
/// Resends what a crashed worker committed but never sent: outbox rows older than the resend
/// age. Send rows are deleted once sent; rows awaiting activity results (and start rows) stay
/// until the instance commits the results, and are touched so they are not resent every sweep.
/// Scans every partition's outbox rows: fine for a council's thousands of instances.
/// </summary>
internal sealed class OutboxSweeper(TaskHub hub, LargeText text, OrchestrationProcessor processor)
{
    public async Task<int> SweepAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        var cutoff = DateTimeOffset.UtcNow - olderThan;
        var resent = 0;
        await foreach (var row in hub.Instances.QueryAsync<TableEntity>(e => e.RowKey.CompareTo("o") >= 0 && e.RowKey.CompareTo("p") < 0, cancellationToken: ct))
        {
            if (row.Timestamp > cutoff) continue;
            var items = JsonSerializer.Deserialize<List<OutboxItem>>((await text.ReadAsync(row, "Items"))!, JsonPayload.Options)!;
            var outbox = new OutboxRow(row.RowKey, items, row.Timestamp);
            await processor.SendAsync(items, ct);
            try
            {
                if (outbox.AwaitsResults || row.RowKey.EndsWith("start"))
                {
                    row["ResentAt"] = DateTimeOffset.UtcNow;
                    await hub.Instances.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
                }
                else
                {
                    await hub.Instances.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                }
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // The instance settled or changed the row meanwhile: nothing more to do.
            }
            resent++;
        }
        return resent;
    }
}
