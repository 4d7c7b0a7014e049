using Azure.Data.Tables;

namespace Apprenticeships.Storage.Audit;

/// <summary>What a member of staff did with a candidate's personal data.</summary>
public enum AuditAction { Viewed, Changed, Erased }

public sealed record AuditEntry(string CandidateId, string StaffId, AuditAction Action, string What, DateTimeOffset At);

/// <summary>
/// Who viewed, changed or erased a candidate's personal data, and when: ids and route names
/// only, so the log itself holds no personal data and outlives an erasure. One partition per
/// candidate, newest first.
/// </summary>
public sealed class AuditLog(StorageAccount account) : TableStore(account, "AuditLog")
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{Guid.NewGuid():N}";
        await Table.AddEntityAsync(new TableEntity(entry.CandidateId, row)
        {
            ["StaffId"] = entry.StaffId, ["Action"] = entry.Action.ToString(), ["What"] = entry.What, ["At"] = entry.At,
        }, ct);
    }

    public async Task<List<AuditEntry>> ForCandidateAsync(string candidateId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var entries = new List<AuditEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, cancellationToken: ct))
            entries.Add(new AuditEntry(candidateId, row.GetString("StaffId") ?? "", Enum.Parse<AuditAction>(row.GetString("Action")!), row.GetString("What") ?? "", row.GetDateTimeOffset("At")!.Value));
        return entries;
    }
}
