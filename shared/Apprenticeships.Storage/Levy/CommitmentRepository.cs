using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Commitments live in their employer's partition (an account reads them in one query);
/// a small CommitmentIds row maps a commitment id to its employer for lookups by id. The id
/// row is written first, so a crash between the two writes is repaired by re-posting.
/// Events have a row each beside their commitment: "id|Kind" for the first of its kind, "id|Kind|n"
/// for the n-th (a second break in learning and its return), so re-posting an event is a no-op and
/// an event and the commitment's version change in one transaction.
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

    public async Task<CommitmentRecord?> FindAsync(string commitmentId, CancellationToken cancellationToken = default) =>
        (await FindVersionedAsync(commitmentId, cancellationToken))?.Record;

    public async Task<IReadOnlyList<CommitmentRecord>> ListByEmployerAsync(string employerId, CancellationToken cancellationToken = default)
    {
        var rows = await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.Commitments), employerId, cancellationToken);
        var events = rows.Where(IsEvent).Concat(await LegacyEventsAsync(employerId, cancellationToken))
            .ToLookup(e => e.RowKey[..e.RowKey.IndexOf('|')], ToEvent);
        return rows.Where(r => !IsEvent(r)).Select(c => new CommitmentRecord(ToCommitment(c), events[c.RowKey].Distinct().ToList())).ToList();
    }

    /// <summary>
    /// Records an event unless <see cref="CommitmentLifecycle"/> refuses it: Created, Unchanged
    /// (already recorded) or Conflict. The event row is written in one transaction with an update
    /// of the commitment row conditional on the version the rule was checked against, so two
    /// racing events (a completion and a withdrawal) cannot both be recorded.
    /// </summary>
    public async Task<SaveResult> AddEventAsync(Commitment commitment, CommitmentEvent commitmentEvent, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(LevyTables.Commitments);
        while (true)
        {
            var found = await FindVersionedAsync(commitment.Id, cancellationToken) ?? throw new InvalidOperationException($"No commitment '{commitment.Id}'.");
            if (found.Record.Events.Contains(commitmentEvent)) return SaveResult.Unchanged;
            if (CommitmentLifecycle.Refusal(found.Record.Events, commitmentEvent) is not null) return SaveResult.Conflict;
            // Two writers racing for the same n-th row are told apart by the commitment row's version below.
            var nth = found.Record.Events.Count(e => e.Kind == commitmentEvent.Kind) + 1;
            var entity = new TableEntity(commitment.EmployerId, nth == 1 ? $"{commitment.Id}|{commitmentEvent.Kind}" : $"{commitment.Id}|{commitmentEvent.Kind}|{nth}")
            {
                ["Date"] = TableKeys.Date(commitmentEvent.Date),
                ["NewPlannedEndDate"] = commitmentEvent.NewPlannedEndDate is { } end ? TableKeys.Date(end) : null,
            };
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(commitment.EmployerId, commitment.Id) { ["LastEvent"] = entity.RowKey }, found.Version),
                    new TableTransactionAction(TableTransactionActionType.Add, entity),
                ], cancellationToken);
                return SaveResult.Created;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Something was recorded since the rule was checked: check again against it.
            }
        }
    }

    private async Task<(CommitmentRecord Record, ETag Version)?> FindVersionedAsync(string commitmentId, CancellationToken cancellationToken)
    {
        var id = await LevyTables.FindAsync(await tables.GetAsync(LevyTables.CommitmentIds), commitmentId, IdRow, cancellationToken);
        if (id?.GetString("EmployerId") is not { } employerId) return null;
        var table = await tables.GetAsync(LevyTables.Commitments);
        var entity = await LevyTables.FindAsync(table, employerId, commitmentId, cancellationToken);
        if (entity is null) return null;
        // The event rows are read after the commitment row, so any event written since is newer than this version.
        var prefix = commitmentId + "|";
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {employerId} and RowKey gt {prefix} and RowKey lt {commitmentId + "}"}"),
                           cancellationToken: cancellationToken))
            rows.Add(e);
        var events = rows.Concat((await LegacyEventsAsync(employerId, cancellationToken)).Where(e => e.RowKey.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(ToEvent).Distinct().ToList();
        return (new CommitmentRecord(ToCommitment(entity), events), entity.ETag);
    }

    private static bool IsEvent(TableEntity row) => row.RowKey.Contains('|', StringComparison.Ordinal);

    /// <summary>Events recorded before they moved into the commitment's partition; read so none is lost, never written.</summary>
    private async Task<List<TableEntity>> LegacyEventsAsync(string employerId, CancellationToken cancellationToken) =>
        await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.CommitmentEvents), employerId, cancellationToken);

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

    /// <summary>An event row: "id|Kind" or "id|Kind|n".</summary>
    private static CommitmentEvent ToEvent(TableEntity e)
    {
        var kind = e.RowKey[(e.RowKey.IndexOf('|') + 1)..];
        if (kind.IndexOf('|') is var bar and >= 0) kind = kind[..bar];
        return new(Enum.Parse<CommitmentEventKind>(kind), TableKeys.ParseDate(e.GetString("Date")),
            e.GetString("NewPlannedEndDate") is { } end ? TableKeys.ParseDate(end) : null);
    }
}
