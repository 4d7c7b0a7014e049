using Apprenticeships.Durable.Storage;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Worker;

/// <summary>
/// The status projection is written after a checkpoint commits, so a crash can leave it behind
/// the state row. This compares versions and rewrites the rows that lag or are missing.
/// </summary>
internal sealed class StatusRepair(TaskHub hub, StatusProjection projection)
{
    public async Task<int> RepairAsync(CancellationToken ct = default)
    {
        var versions = new Dictionary<string, int>();
        await foreach (var row in hub.Status.QueryAsync<TableEntity>(select: ["PartitionKey", "Version"], cancellationToken: ct))
        {
            versions[row.PartitionKey] = row.GetInt32("Version") ?? -1;
        }
        var repaired = 0;
        await foreach (var state in hub.Instances.QueryAsync<TableEntity>(e => e.RowKey == "state", cancellationToken: ct))
        {
            if (versions.TryGetValue(state.PartitionKey, out var v) && v == (state.GetInt32("Version") ?? 0)) continue;
            await projection.UpsertAsync(state.PartitionKey, state, ct);
            repaired++;
        }
        return repaired;
    }
}
