using Apprenticeships.Domain.Levy.Account;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Each transfer is stored twice: "out|id" in the sender's partition and "in|id" in the
/// receiver's, so each account reads its own side in one query. The sender's partition also
/// holds one "account" row, the consistency boundary for what the sender sends: a transfer out
/// is written in one entity group transaction with an update of that row conditional on the
/// ETag read before the allowance was checked, so two transfers checked against the same
/// state cannot both be written (the loser gets <see cref="SaveResult.Stale"/> and checks
/// again). The receiver's row is written after, and rewritten by any re-post, which repairs a
/// crash between the two.
/// </summary>
public sealed class LevyTransferRepository(LevyTables tables)
{
    private const string AccountRow = "account";

    /// <summary>The sender's account version, created on first use; pass it to <see cref="AddAsync"/>.</summary>
    public async Task<ETag> AccountVersionAsync(string senderId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(LevyTables.Transfers);
        if (await LevyTables.FindAsync(table, senderId, AccountRow, cancellationToken) is { } found) return found.ETag;
        try
        {
            return (await table.AddEntityAsync(new TableEntity(senderId, AccountRow) { ["TransfersOut"] = 0 }, cancellationToken)).Headers.ETag
                   ?? throw new InvalidOperationException("Table storage returned no ETag.");
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await table.GetEntityAsync<TableEntity>(senderId, AccountRow, cancellationToken: cancellationToken)).Value.ETag;
        }
    }

    /// <summary>
    /// Writes a new transfer if the sender's account is still at <paramref name="accountVersion"/>:
    /// Created, or Stale when anything was sent (or this id written) since it was read.
    /// </summary>
    public async Task<SaveResult> AddAsync(Transfer transfer, ETag accountVersion, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(LevyTables.Transfers);
        var account = new TableEntity(transfer.SenderId, AccountRow) { ["LastTransferId"] = transfer.Id, ["LastChanged"] = DateTimeOffset.UtcNow };
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, account, accountVersion),
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(transfer.SenderId, "out", transfer)),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return SaveResult.Stale;
        }
        await WriteReceiverSideAsync(transfer, cancellationToken);
        return SaveResult.Created;
    }

    /// <summary>Writes (again) the receiver's row of a stored transfer: a re-post repairs a crash that left it out.</summary>
    public async Task WriteReceiverSideAsync(Transfer transfer, CancellationToken cancellationToken = default) =>
        await (await tables.GetAsync(LevyTables.Transfers)).UpsertEntityAsync(ToEntity(transfer.ReceiverId, "in", transfer), TableUpdateMode.Replace, cancellationToken);

    public async Task<Transfer?> FindAsync(string senderId, string transferId, CancellationToken cancellationToken = default)
    {
        var entity = await LevyTables.FindAsync(await tables.GetAsync(LevyTables.Transfers), senderId, $"out|{transferId}", cancellationToken);
        return entity is null ? null : ToTransfer(entity);
    }

    /// <summary>Transfers the employer sent and received.</summary>
    public async Task<(IReadOnlyList<Transfer> Out, IReadOnlyList<Transfer> In)> ListAsync(string employerId, CancellationToken cancellationToken = default)
    {
        var rows = await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.Transfers), employerId, cancellationToken);
        return (rows.Where(r => r.RowKey.StartsWith("out|", StringComparison.Ordinal)).Select(ToTransfer).ToList(),
                rows.Where(r => r.RowKey.StartsWith("in|", StringComparison.Ordinal)).Select(ToTransfer).ToList());
    }

    private static TableEntity ToEntity(string partition, string direction, Transfer t) => new(partition, $"{direction}|{t.Id}")
    {
        ["SenderId"] = t.SenderId,
        ["ReceiverId"] = t.ReceiverId,
        ["Date"] = TableKeys.Date(t.Date),
        ["Amount"] = TableKeys.Money(t.Amount),
    };

    private static Transfer ToTransfer(TableEntity e) => new(
        e.RowKey[(e.RowKey.IndexOf('|') + 1)..],
        e.GetString("SenderId") ?? "",
        e.GetString("ReceiverId") ?? "",
        TableKeys.ParseDate(e.GetString("Date")),
        TableKeys.ParseMoney(e.GetString("Amount")));
}
