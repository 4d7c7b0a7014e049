using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Durable.Storage;

/// <summary>
/// One row per instance with what queries filter on (name, status, created time). Written after
/// each checkpoint that changes status, so it may lag the state row; the sweeper repairs it.
/// </summary>
internal sealed class StatusProjection(TaskHub hub)
{
    public static readonly string[] Columns = ["Name", "Status", "CreatedAt", "UpdatedAt", "CustomStatus", "Generation", "Version"];

    public Task UpsertAsync(string instanceId, TableEntity state, CancellationToken ct = default)
    {
        var row = new TableEntity(instanceId, "");
        foreach (var column in Columns)
        {
            if (state.TryGetValue(column, out var value)) row[column] = value;
        }
        return hub.Status.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task DeleteAsync(string instanceId, CancellationToken ct = default)
    {
        try { await hub.Status.DeleteEntityAsync(instanceId, "", ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }
}
