using System.Text.Json;
using Apprenticeships.Storage;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Email;

/// <summary>
/// Applies SendGrid's delivery events: bounces, drops and spam reports stop further email to the
/// address and alert the advisor; unsubscribes stop further email. Each sg_event_id is applied
/// once (SendGrid retries its posts).
/// </summary>
public sealed class EmailEventProcessor(StorageAccount account, EmailSuppressions suppressions, IUndeliverableAddressHandler undeliverable, EmailSendLog sends, TimeProvider clock)
    : TableStore(account, "EmailEvents")
{
    private static readonly HashSet<string> Undeliverable = ["bounce", "dropped", "spamreport"];
    private static readonly HashSet<string> Unsubscribed = ["unsubscribe", "group_unsubscribe"];

    /// <summary>Returns how many events were new.</summary>
    public async Task<int> ApplyAsync(JsonElement events, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var applied = 0;
        foreach (var e in events.EnumerateArray())
        {
            var kind = Text(e, "event");
            var eventId = Text(e, "sg_event_id");
            var address = Text(e, "email");
            if (kind is null || eventId is null || address is null) continue;
            // Any event for a send means SendGrid took it: an interrupted send must not go again.
            if (Text(e, "dedupeKey") is { } sent) await sends.ConfirmAsync(sent, ct);
            if (!Undeliverable.Contains(kind) && !Unsubscribed.Contains(kind)) continue;
            try
            {
                await Table.AddEntityAsync(new TableEntity(AddressHash.Of(eventId), "") { ["Event"] = kind }, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                continue; // applied when SendGrid first posted it
            }
            var recipientId = Text(e, "recipientId");
            await suppressions.SuppressAsync(address, kind, recipientId, clock.GetUtcNow(), ct);
            if (Undeliverable.Contains(kind)) await undeliverable.HandleAsync(recipientId, kind, eventId, ct);
            applied++;
        }
        return applied;
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
