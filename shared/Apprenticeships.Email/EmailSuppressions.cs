using Apprenticeships.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Email;

/// <summary>
/// Addresses that must not be mailed again (bounced, dropped, spam report, unsubscribed), keyed
/// by a hash of the lower-cased address, so the list itself holds no addresses.
/// </summary>
public sealed class EmailSuppressions(StorageAccount account) : TableStore(account, "EmailSuppressions")
{

    public async Task<bool> IsSuppressedAsync(string address, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        return (await Table.GetEntityIfExistsAsync<TableEntity>(AddressHash.Of(address), "", ["RowKey"], ct)).HasValue;
    }

    /// <summary>Removes the recipient's rows (erasure): their address's hash ties the row to them.</summary>
    public async Task ForgetRecipientAsync(string recipientId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.GetString("RecipientId") == recipientId, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, ct);
    }

    public async Task SuppressAsync(string address, string reason, string? recipientId, DateTimeOffset at, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await Table.UpsertEntityAsync(new TableEntity(AddressHash.Of(address), "")
        {
            ["Reason"] = reason, ["RecipientId"] = recipientId, ["At"] = at,
        }, TableUpdateMode.Replace, ct);
    }
}
