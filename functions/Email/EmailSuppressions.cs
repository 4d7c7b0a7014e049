using Apprenticeships.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Functions.Email;

/// <summary>
/// Addresses that must not be mailed again (bounced, dropped, spam report, unsubscribed), keyed
/// by a hash of the lower-cased address, so the list itself holds no addresses.
/// </summary>
public sealed class EmailSuppressions(StorageAccount account)
{
    private readonly TableClient _table = account.Tables.GetTableClient("EmailSuppressions");
    private Task? _created;

    public async Task<bool> IsSuppressedAsync(string address, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        return (await _table.GetEntityIfExistsAsync<TableEntity>(AddressHash.Of(address), "", ["RowKey"], ct)).HasValue;
    }

    public async Task SuppressAsync(string address, string reason, string? recipientId, DateTimeOffset at, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await _table.UpsertEntityAsync(new TableEntity(AddressHash.Of(address), "")
        {
            ["Reason"] = reason, ["RecipientId"] = recipientId, ["At"] = at,
        }, TableUpdateMode.Replace, ct);
    }

    private Task EnsureCreatedAsync(CancellationToken ct) =>
        _created is { IsCompletedSuccessfully: true } ? Task.CompletedTask : _created = _table.CreateIfNotExistsAsync(ct);
}
