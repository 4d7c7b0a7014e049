using System.Globalization;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Levy;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Programmes;

/// <summary>
/// The ProgrammeRecords table: the countable facts of each candidate's programmes, partition =
/// candidate (so erasing a candidate is deleting a partition), row = the fact's key.
/// </summary>
public sealed class ProgrammeRecords(StorageAccount account) : TableStore(account, "ProgrammeRecords"), Candidates.ICandidateDataHolder
{
    /// <summary>The facts stay for the reports; the free-text reasons an advisor typed about the candidate go.</summary>
    public async Task ForgetCandidateAsync(string candidateId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, cancellationToken: ct))
        {
            if (!row.ContainsKey("Reason") || row.GetString("Kind") is not nameof(RecordKind.SwapOutcome)) continue;
            row.Remove("Reason");
            await Table.UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace, ct);
        }
    }


    /// <summary>Records a fact once: the same fact again is Unchanged, a different one under its key a Conflict.</summary>
    public async Task<SaveResult> AddAsync(ProgrammeRecord record, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        return await LevyTables.AddOrCompareAsync(Table, ToEntity(record), stored => Same(FromEntity(stored), record), ct);
    }

    public async Task<ProgrammeRecord?> GetAsync(string candidateId, string key, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(candidateId, key, cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<List<ProgrammeRecord>> ForCandidateAsync(string candidateId, CancellationToken ct = default) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {candidateId}"), ct);

    /// <summary>Every fact recorded between the two instants (inclusive from, exclusive to).</summary>
    public async Task<List<ProgrammeRecord>> RecordedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        await QueryAsync(TableClient.CreateQueryFilter($"At ge {from} and At lt {to}"), ct);

    /// <summary>
    /// Every fact recorded on a day from <paramref name="from"/> to <paramref name="to"/> (inclusive),
    /// or with a date of its own in that range (a job start recorded weeks before its first day).
    /// </summary>
    public async Task<List<ProgrammeRecord>> DatedAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Dates are stored as "YYYY-MM-DD", which compare as text in date order.
        var (first, last) = (from.ToString("O"), to.ToString("O"));
        return await QueryAsync(TableClient.CreateQueryFilter($"(At ge {start} and At lt {end}) or (Date ge {first} and Date le {last})"), ct);
    }

    public async Task<List<ProgrammeRecord>> OfKindAsync(RecordKind kind, CancellationToken ct = default) =>
        await QueryAsync(TableClient.CreateQueryFilter($"Kind eq {kind.ToString()}"), ct);

    private async Task<List<ProgrammeRecord>> QueryAsync(string filter, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var found = new List<ProgrammeRecord>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) found.Add(FromEntity(row));
        return found;
    }

    // When it was recorded is not part of the fact: the same confirmation sent a day later is a repeat.
    private static bool Same(ProgrammeRecord a, ProgrammeRecord b) => a with { At = default } == b with { At = default };

    private static TableEntity ToEntity(ProgrammeRecord r) => new(r.CandidateId, r.Key)
    {
        ["Kind"] = r.Kind.ToString(), ["At"] = r.At, ["ProgrammeId"] = r.ProgrammeId,
        ["Date"] = r.Date?.ToString("O"), ["Value"] = r.Value, ["Reason"] = r.Reason,
        // Tables has no decimal type; the invariant string keeps pounds and pence exact.
        ["Amount"] = r.Amount?.ToString(CultureInfo.InvariantCulture),
    };

    private static ProgrammeRecord FromEntity(TableEntity e) => new(e.PartitionKey, e.RowKey, Enum.Parse<RecordKind>(e.GetString("Kind")), e.GetDateTimeOffset("At")!.Value)
    {
        ProgrammeId = e.GetString("ProgrammeId"),
        Date = e.GetString("Date") is { } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null,
        Value = e.GetString("Value"),
        Reason = e.GetString("Reason"),
        Amount = e.GetString("Amount") is { } a ? decimal.Parse(a, CultureInfo.InvariantCulture) : null,
    };
}
