using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Clock;

/// <summary>
/// The business clock's offset from real time, one row. Kept in storage so that a restart, or a
/// second app instance, sees the same business date; only Development ever writes it. One row
/// per task hub (<paramref name="taskHub"/>): apps on different hubs keep different times.
/// </summary>
public sealed class ClockOffsetTable(StorageAccount account, string taskHub) : TableStore(account, "BusinessClock")
{
    private const string Partition = "offset";
    private readonly string Row = taskHub;

    public async Task<TimeSpan> ReadAsync(CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        return row.HasValue ? TimeSpan.FromTicks(row.Value!.GetInt64("OffsetTicks") ?? 0) : TimeSpan.Zero;
    }

    /// <summary>Moves the offset on by <paramref name="by"/>, safely against another instance doing the same; returns the new offset.</summary>
    public async Task<TimeSpan> AdvanceAsync(TimeSpan by, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
            var current = row.HasValue ? TimeSpan.FromTicks(row.Value!.GetInt64("OffsetTicks") ?? 0) : TimeSpan.Zero;
            var next = current + by;
            var entity = new TableEntity(Partition, Row) { ["OffsetTicks"] = next.Ticks };
            try
            {
                if (row.HasValue) await Table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, ct);
                else await Table.AddEntityAsync(entity, ct);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another instance moved it first: read again and add on top of theirs.
            }
        }
    }
}
