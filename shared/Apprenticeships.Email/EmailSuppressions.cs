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

    public async Task SuppressAsync(string address, string reason, string? recipientId, DateTimeOffset at, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await Table.UpsertEntityAsync(new TableEntity(AddressHash.Of(address), "")
        {
            ["Reason"] = reason, ["RecipientId"] = recipientId, ["At"] = at,
        }, TableUpdateMode.Replace, ct);
    }
}
