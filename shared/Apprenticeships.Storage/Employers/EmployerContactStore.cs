using System.Text.Json;
using Apprenticeships.Domain.Employers;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Employers;

/// <summary>Employers' contacts (partition = employer id, row = contact id), kept apart from the employer because they are personal data.</summary>
public sealed class EmployerContactStore(StorageAccount account) : TableStore(account, "EmployerContacts")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(EmployerContact contact, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await Table.UpsertEntityAsync(new TableEntity(contact.EmployerId, contact.Id) { ["Json"] = JsonSerializer.Serialize(contact, Json) }, TableUpdateMode.Replace, ct);
    }

    public async Task<List<EmployerContact>> ListAsync(string employerId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var all = new List<EmployerContact>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {employerId}"), cancellationToken: ct))
            all.Add(JsonSerializer.Deserialize<EmployerContact>(row.GetString("Json"), Json)!);
        return all;
    }

    /// <summary>Whom the hub writes to at the employer: the contact marked primary, else the first; null if none is left.</summary>
    public async Task<EmployerContact?> PrimaryAsync(string employerId, CancellationToken ct = default)
    {
        var contacts = await ListAsync(employerId, ct);
        return contacts.FirstOrDefault(c => c.IsPrimary) ?? contacts.FirstOrDefault();
    }

    /// <summary>Erases a contact: the row goes, nothing of the person is kept. Safe to repeat.</summary>
    public async Task EraseAsync(string employerId, string contactId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await Table.DeleteEntityAsync(employerId, contactId, cancellationToken: ct);
    }
}
