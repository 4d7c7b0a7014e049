using Apprenticeships.Domain.Levy.Account;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Each transfer is stored twice: "out|id" in the sender's partition and "in|id" in the
/// receiver's, so each account reads its own side in one query. The sender's row decides
/// whether a transfer id is new; the receiver's row is then written (or rewritten) to match.
/// </summary>
public sealed class LevyTransferRepository(LevyTables tables)
{
    public async Task<SaveResult> AddAsync(Transfer transfer, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(LevyTables.Transfers);
        var result = await LevyTables.AddOrCompareAsync(table, ToEntity(transfer.SenderId, "out", transfer),
            stored => ToTransfer(stored) == transfer, cancellationToken);
        if (result != SaveResult.Conflict)
        {
            await table.UpsertEntityAsync(ToEntity(transfer.ReceiverId, "in", transfer), TableUpdateMode.Replace, cancellationToken);
        }
        return result;
    }

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
