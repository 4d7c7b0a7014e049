using System.Text.Json;
using Apprenticeships.Domain.Progression;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Progression;

/// <summary>
/// Member employers' staff followed by in-work progression (partition = employer id, row =
/// participant id): their name and job title, the only personal data progression holds, kept
/// apart from the participant's record so erasure deletes the row and leaves the facts.
/// </summary>
public sealed class StaffMemberStore(StorageAccount account) : TableStore(account, "ProgressionStaff")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(StaffMember member, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await Table.UpsertEntityAsync(new TableEntity(member.EmployerId, member.ParticipantId) { ["Json"] = JsonSerializer.Serialize(member, Json) }, TableUpdateMode.Replace, ct);
    }

    public async Task<StaffMember?> GetAsync(string employerId, string participantId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(employerId, participantId, cancellationToken: ct);
        return row.HasValue ? JsonSerializer.Deserialize<StaffMember>(row.Value!.GetString("Json"), Json) : null;
    }

    public async Task<List<StaffMember>> ListAsync(string employerId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var all = new List<StaffMember>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {employerId}"), cancellationToken: ct))
            all.Add(JsonSerializer.Deserialize<StaffMember>(row.GetString("Json"), Json)!);
        return all;
    }

    /// <summary>Erases the member of staff: the row goes, nothing of the person is kept. Safe to repeat.</summary>
    public async Task EraseAsync(string employerId, string participantId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await Table.DeleteEntityAsync(employerId, participantId, cancellationToken: ct);
    }
}
