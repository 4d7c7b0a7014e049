using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Programmes;

/// <summary>
/// A table of small records kept whole as JSON, one row each (partition = record type, row = id).
/// Academies, cohorts and providers are few, read whole and never queried by field, so columns
/// per field would only add mapping code.
/// </summary>
public class DocumentTable<T>(StorageAccount account, string tableName) : TableStore(account, tableName) where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _partition = typeof(T).Name;

    /// <summary>Adds the record; false if the id is taken.</summary>
    public async Task<bool> AddAsync(string id, T record, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(ToEntity(id, record), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<T?> GetAsync(string id, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(_partition, id, cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Replaces the record with <paramref name="change"/>(current), guarded by its ETag so a concurrent change is not lost; null if there is none.</summary>
    public async Task<T?> ChangeAsync(string id, Func<T, T> change, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(_partition, id, cancellationToken: ct);
            if (!row.HasValue) return null;
            var changed = change(FromEntity(row.Value!));
            try
            {
                await Table.UpdateEntityAsync(ToEntity(id, changed), row.Value!.ETag, TableUpdateMode.Replace, ct);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone else changed it first: apply the change to theirs.
            }
        }
    }

    public async Task<List<T>> ListAsync(CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var all = new List<T>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_partition}"), cancellationToken: ct))
            all.Add(FromEntity(row));
        return all;
    }

    private static TableEntity ToEntity(string id, T record) => new(typeof(T).Name, id) { ["Json"] = JsonSerializer.Serialize(record, Json) };

    private static T FromEntity(TableEntity row) => JsonSerializer.Deserialize<T>(row.GetString("Json"), Json)!;
}
