using System.Text.Json;
using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Candidates;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Vacancies;

/// <summary>
/// Candidates put forward to vacancies: partition = vacancy, row = candidate, so "once per
/// candidate and vacancy" is the table's own key. The hub's note and a not-selected reason are
/// free text about the person and go when the candidate is erased; the decisions stay.
/// </summary>
public sealed class PutForwardStore(StorageAccount account) : TableStore(account, "PutForwards"), ICandidateDataHolder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the put-forward; false if this candidate was already put forward to this vacancy.</summary>
    public async Task<bool> AddAsync(PutForward putForward, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(ToEntity(putForward), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<PutForward?> GetAsync(string vacancyId, string candidateId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(vacancyId, candidateId, cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Everyone put forward to the vacancy, first put forward first.</summary>
    public async Task<List<PutForward>> ForVacancyAsync(string vacancyId, CancellationToken ct = default) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {vacancyId}"), ct)).OrderBy(p => p.At).ToList();

    /// <summary>Every vacancy the candidate was put forward to.</summary>
    public async Task<List<PutForward>> ForCandidateAsync(string candidateId, CancellationToken ct = default) =>
        await QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {candidateId}"), ct);

    /// <summary>Applies a change under the row's ETag (an advisor and the employer may decide at once); null if there is no such put-forward.</summary>
    public async Task<PutForward?> ChangeAsync(string vacancyId, string candidateId, Func<PutForward, PutForward> change, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(vacancyId, candidateId, cancellationToken: ct);
            if (!row.HasValue) return null;
            var changed = change(FromEntity(row.Value!));
            try
            {
                await Table.UpdateEntityAsync(ToEntity(changed), row.Value!.ETag, TableUpdateMode.Replace, ct);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed meanwhile: apply the change to the newer one.
            }
        }
    }

    public async Task ForgetCandidateAsync(string candidateId, CancellationToken ct)
    {
        foreach (var putForward in await ForCandidateAsync(candidateId, ct))
            if (putForward.Note is not null || putForward.Reason is not null)
                await ChangeAsync(putForward.VacancyId, candidateId, p => p with { Note = null, Reason = null }, ct);
    }

    private async Task<List<PutForward>> QueryAsync(string filter, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var found = new List<PutForward>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) found.Add(FromEntity(row));
        return found;
    }

    private static TableEntity ToEntity(PutForward p) => new(p.VacancyId, p.CandidateId) { ["Json"] = JsonSerializer.Serialize(p, Json) };

    private static PutForward FromEntity(TableEntity row) => JsonSerializer.Deserialize<PutForward>(row.GetString("Json"), Json)!;
}
