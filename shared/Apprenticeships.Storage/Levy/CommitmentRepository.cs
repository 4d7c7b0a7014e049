using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Commitments live in their employer's partition (an account reads them in one query);
/// a small CommitmentIds row maps a commitment id to its employer for lookups by id. The id
/// row is written first, so a crash between the two writes is repaired by re-posting.
/// Events have one row per kind, so re-posting an event is a no-op.
/// </summary>
public sealed class CommitmentRepository(LevyTables tables)
{
    private const string IdRow = "commitment";

    public async Task<SaveResult> AddAsync(Commitment commitment, CancellationToken cancellationToken = default)
    {
        var id = new TableEntity(commitment.Id, IdRow) { ["EmployerId"] = commitment.EmployerId };
        var claimed = await LevyTables.AddOrCompareAsync(await tables.GetAsync(LevyTables.CommitmentIds), id,
            stored => stored.GetString("EmployerId") == commitment.EmployerId, cancellationToken);
        if (claimed == SaveResult.Conflict) return SaveResult.Conflict;

        var entity = new TableEntity(commitment.EmployerId, commitment.Id)
        {
            ["AgreedPrice"] = TableKeys.Money(commitment.AgreedPrice),
            ["FundingBandMaximum"] = TableKeys.Money(commitment.FundingBandMaximum),
            ["StartDate"] = TableKeys.Date(commitment.StartDate),
            ["PlannedEndDate"] = TableKeys.Date(commitment.PlannedEndDate),
            ["ApprenticeAgeAtStart"] = commitment.ApprenticeAgeAtStart,
            ["HasEhcPlan"] = commitment.HasEhcPlan,
            ["IsCareLeaver"] = commitment.IsCareLeaver,
        };
        // After a crash between the writes the id row may be Unchanged while the commitment is
        // Created now: the commitment row's result is the one that says what this call did.
        return await LevyTables.AddOrCompareAsync(await tables.GetAsync(LevyTables.Commitments), entity,
            stored => ToCommitment(stored) == commitment, cancellationToken);
    }

    public async Task<CommitmentRecord?> FindAsync(string commitmentId, CancellationToken cancellationToken = default)
    {
        var id = await LevyTables.FindAsync(await tables.GetAsync(LevyTables.CommitmentIds), commitmentId, IdRow, cancellationToken);
        if (id?.GetString("EmployerId") is not { } employerId) return null;
        var entity = await LevyTables.FindAsync(await tables.GetAsync(LevyTables.Commitments), employerId, commitmentId, cancellationToken);
        if (entity is null) return null;
        var events = (await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.CommitmentEvents), employerId, cancellationToken))
            .Where(e => e.RowKey.StartsWith(commitmentId + "|", StringComparison.Ordinal))
            .Select(ToEvent).ToList();
        return new CommitmentRecord(ToCommitment(entity), events);
    }

    public async Task<IReadOnlyList<CommitmentRecord>> ListByEmployerAsync(string employerId, CancellationToken cancellationToken = default)
    {
        var commitments = await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.Commitments), employerId, cancellationToken);
        var events = (await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.CommitmentEvents), employerId, cancellationToken))
            .ToLookup(e => e.RowKey[..e.RowKey.IndexOf('|')], ToEvent);
        return commitments.Select(c => new CommitmentRecord(ToCommitment(c), events[c.RowKey].ToList())).ToList();
    }

    public async Task<SaveResult> AddEventAsync(Commitment commitment, CommitmentEvent commitmentEvent, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(commitment.EmployerId, $"{commitment.Id}|{commitmentEvent.Kind}")
        {
            ["Date"] = TableKeys.Date(commitmentEvent.Date),
        };
        return await LevyTables.AddOrCompareAsync(await tables.GetAsync(LevyTables.CommitmentEvents), entity,
            stored => ToEvent(stored) == commitmentEvent, cancellationToken);
    }

    private static Commitment ToCommitment(TableEntity e) => new(
        e.RowKey,
        e.PartitionKey,
        TableKeys.ParseMoney(e.GetString("AgreedPrice")),
        TableKeys.ParseMoney(e.GetString("FundingBandMaximum")),
        TableKeys.ParseDate(e.GetString("StartDate")),
        TableKeys.ParseDate(e.GetString("PlannedEndDate")),
        e.GetInt32("ApprenticeAgeAtStart") ?? 0,
        e.GetBoolean("HasEhcPlan") ?? false,
        e.GetBoolean("IsCareLeaver") ?? false);

    private static CommitmentEvent ToEvent(TableEntity e) =>
        new(Enum.Parse<CommitmentEventKind>(e.RowKey[(e.RowKey.IndexOf('|') + 1)..]), TableKeys.ParseDate(e.GetString("Date")));
}
