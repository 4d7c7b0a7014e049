using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Candidates;

/// <summary>
/// The candidates whose personal data was erased: id, when, and the reason given (a code-like
/// phrase such as "Retention period ended", checked for length and characters). Kept so that an
/// old link can say the record was erased, and a repeated erasure knows it was done.
/// </summary>
public sealed class ErasureRegister(StorageAccount account) : TableStore(account, "ErasedCandidates")
{
    public sealed record Erasure(string CandidateId, DateTimeOffset At, string Reason);

    /// <summary>Records the erasure (before it is carried out, so a retry finds it); the first record stays.</summary>
    public async Task<Erasure> BeginAsync(string candidateId, string reason, DateTimeOffset at, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(new TableEntity(candidateId, "") { ["At"] = at, ["Reason"] = reason }, ct);
            return new Erasure(candidateId, at, reason);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await FindAsync(candidateId, ct))!;
        }
    }

    public async Task<Erasure?> FindAsync(string candidateId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(candidateId, "", cancellationToken: ct);
        return row.HasValue ? new Erasure(candidateId, row.Value!.GetDateTimeOffset("At")!.Value, row.Value.GetString("Reason") ?? "") : null;
    }
}
