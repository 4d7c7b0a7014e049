using Apprenticeships.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Email;

/// <summary>The EmailSends table: one row per dedupe key, "Sending" before delivery and "Sent" (or "Suppressed") after.</summary>
public sealed class EmailSendLog(StorageAccount account) : TableStore(account, "EmailSends")
{

    public sealed record Entry(string State, DateTimeOffset At);

    public async Task<Entry?> EntryOfAsync(string dedupeKey, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(AddressHash.Of(dedupeKey), "", cancellationToken: ct);
        return row.HasValue ? new Entry(row.Value!.GetString("State") ?? "", row.Value.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue) : null;
    }

    /// <summary>SendGrid reported an event for the key, so it took the message: a send left at "Sending" by a crash is "Sent".</summary>
    public async Task ConfirmAsync(string dedupeKey, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(AddressHash.Of(dedupeKey), "", cancellationToken: ct);
        if (!row.HasValue || row.Value!.GetString("State") != "Sending") return;
        row.Value["State"] = "Sent";
        try
        {
            await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // The sender recorded it meanwhile.
        }
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
