using System.Text.Json;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Employers;

/// <summary>
/// People at an employer (partition = employer id, row = the person's id), each kept whole as JSON in a table of its
/// own, apart from the records that refer to them, because they are personal data: erasure deletes the row and leaves
/// the facts.
/// </summary>
public abstract class PeopleAtEmployerTable<T>(StorageAccount account, string tableName) : TableStore(account, tableName) where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected abstract (string EmployerId, string Id) KeyOf(T person);

    public async Task SaveAsync(T person, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var (employerId, id) = KeyOf(person);
        await Table.UpsertEntityAsync(new TableEntity(employerId, id) { ["Json"] = JsonSerializer.Serialize(person, Json) }, TableUpdateMode.Replace, ct);
    }

    public async Task<T?> GetAsync(string employerId, string id, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(employerId, id, cancellationToken: ct);
        return row.HasValue ? JsonSerializer.Deserialize<T>(row.Value!.GetString("Json"), Json) : null;
    }

    public async Task<List<T>> ListAsync(string employerId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var all = new List<T>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {employerId}"), cancellationToken: ct))
            all.Add(JsonSerializer.Deserialize<T>(row.GetString("Json"), Json)!);
        return all;
    }

    /// <summary>Erases the person: the row goes, nothing of them is kept. Safe to repeat.</summary>
    public async Task EraseAsync(string employerId, string id, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await Table.DeleteEntityAsync(employerId, id, cancellationToken: ct);
    }
}
