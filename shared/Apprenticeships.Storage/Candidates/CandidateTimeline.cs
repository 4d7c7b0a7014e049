using Apprenticeships.Domain.Candidates;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Candidates;

/// <summary>
/// The CandidateTimeline table: a candidate's journey, one row per event, written by workflow
/// activities under their idempotency key so a retried activity writes the same row again.
/// </summary>
public sealed class CandidateTimeline(StorageAccount account) : TableStore(account, "CandidateTimeline"), ICandidateDataHolder
{
    /// <summary>The timeline's entries describe the candidate in words (an advisor's withdrawal reason): erasure removes them all.</summary>
    public async Task ForgetCandidateAsync(string candidateId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, ct);
    }


    public async Task AddAsync(string candidateId, string key, TimelineEntry entry, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        // Row key: time first so entries list in order, then the idempotency key so a retry overwrites itself.
        var row = new TableEntity(candidateId, $"{entry.At.UtcTicks:D19}-{Uri.EscapeDataString(key)}")
        {
            ["At"] = entry.At, ["Stage"] = entry.Stage.ToString(), ["What"] = entry.What,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<List<TimelineEntry>> ListAsync(string candidateId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var entries = new List<TimelineEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, cancellationToken: ct))
        {
            entries.Add(new TimelineEntry(row.GetDateTimeOffset("At")!.Value, Enum.Parse<CandidateStage>(row.GetString("Stage")), row.GetString("What")));
        }
        return entries;
    }
}
