using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Candidates;

/// <summary>One stored alert: whose, under which key, its code and facts (ids, dates, numbers), and when it was raised.</summary>
public sealed record StoredAttention(string CandidateId, string Key, string Kind, IReadOnlyDictionary<string, string> Facts, DateTimeOffset RaisedAt);

/// <summary>
/// The AttentionItems table: every alert the workflows raised about a candidate (partition =
/// candidate, row = the alerting step's idempotency key), so a retried step finds its row and
/// stores nothing twice. Codes and facts only: the candidate's name is read when the list is shown.
/// Whether an item still needs attention is worked out from the candidate's facts when it is read
/// (the application's attention rules); an item found acted upon is marked closed, so later reads
/// of the open items skip it.
/// </summary>
public sealed class AttentionItems(StorageAccount account) : TableStore(account, "AttentionItems"), ICandidateDataHolder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the item once: false (and nothing changed) if its key is stored already.</summary>
    public async Task<bool> AddAsync(StoredAttention item, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(new TableEntity(item.CandidateId, RowKey(item.Key))
            {
                ["Key"] = item.Key, ["Kind"] = item.Kind, ["Facts"] = JsonSerializer.Serialize(item.Facts, Json), ["RaisedAt"] = item.RaisedAt, ["Open"] = true,
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Every item not yet marked closed, for every candidate.</summary>
    public Task<List<StoredAttention>> ListOpenAsync(CancellationToken ct = default) => QueryAsync(TableClient.CreateQueryFilter($"Open eq {true}"), ct);

    /// <summary>Marks the item closed (acted upon, or its candidate closed); a repeat changes nothing.</summary>
    public async Task CloseAsync(string candidateId, string key, DateTimeOffset at, CancellationToken ct = default, string? closedBy = null)
    {
        await EnsureCreatedAsync(ct);
        var closed = new TableEntity(candidateId, RowKey(key)) { ["Open"] = false, ["ClosedAt"] = at };
        if (closedBy is not null) closed["ClosedBy"] = closedBy; // a staff id: who marked it seen
        try
        {
            await Table.UpdateEntityAsync(closed, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Erased meanwhile.
        }
    }

    public Task<List<StoredAttention>> ForCandidateAsync(string candidateId, CancellationToken ct = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {candidateId}"), ct);

    /// <summary>An erased candidate needs nobody's attention: their items go.</summary>
    public async Task ForgetCandidateAsync(string candidateId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
    }

    private async Task<List<StoredAttention>> QueryAsync(string? filter, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var found = new List<StoredAttention>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var facts = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Facts") ?? "{}", Json) ?? [];
            found.Add(new StoredAttention(row.PartitionKey, row.GetString("Key") ?? row.RowKey, row.GetString("Kind") ?? "", facts, row.GetDateTimeOffset("RaisedAt") ?? default));
        }
        return found;
    }

    // '#', '/', '\' and '?' may not appear in a row key; the step keys have '#'.
    private static string RowKey(string key) => Uri.EscapeDataString(key);
}
