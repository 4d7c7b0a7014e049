using Apprenticeships.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Email;

/// <summary>The EmailSends table: one row per dedupe key, "Sending" before delivery and "Sent" (or "Suppressed") after.</summary>
public sealed class EmailSendLog(StorageAccount account) : TableStore(account, "EmailSends")
{

    public async Task<string?> StateOfAsync(string dedupeKey, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(AddressHash.Of(dedupeKey), "", cancellationToken: ct);
        return row.HasValue ? row.Value!.GetString("State") : null;
    }

    public async Task RecordAsync(string dedupeKey, string state, EmailMessage message, DateTimeOffset at, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        // Template and recipient id only: the address and values are personal data.
        await Table.UpsertEntityAsync(new TableEntity(AddressHash.Of(dedupeKey), "")
        {
            ["State"] = state, ["Template"] = message.Template, ["RecipientId"] = message.RecipientId, ["At"] = at,
        }, TableUpdateMode.Replace, ct);
    }
}
