using System.Text.Json;
using Apprenticeships.Storage;
using Azure.Storage.Blobs;

namespace Apprenticeships.Email;

/// <summary>
/// The local default when no SendGrid key is set: each message becomes a JSON blob in the
/// "outbox" container (Email__PickupContainer), listed newest first by the runtime clock at
/// /api/dev/outbox in Development.
/// </summary>
public sealed class PickupDelivery(StorageAccount account, EmailOptions options, TimeProvider clock) : IEmailDelivery
{
    private readonly BlobContainerClient _outbox = account.Blobs.GetBlobContainerClient(options.PickupContainer);

    public sealed record PickedUp(string To, string Subject, string Text, string Html, string Key, string RecipientId, DateTimeOffset Time, string? Template = null);

    public async Task DeliverAsync(string to, RenderedEmail email, IReadOnlyDictionary<string, string> customArgs, CancellationToken cancellationToken)
    {
        await _outbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        var key = customArgs.GetValueOrDefault("dedupeKey", "");
        var message = new PickedUp(to, email.Subject, email.Text, email.Html, key, customArgs.GetValueOrDefault("recipientId", ""), now, customArgs.GetValueOrDefault("template"));
        // Newest first in a plain listing: blob names sort by inverted time.
        var name = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{AddressHash.Of(key)[..16]}.json";
        await _outbox.GetBlobClient(name).UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(message, JsonSerializerOptions.Web)), overwrite: true, cancellationToken);
    }

    /// <summary>Looks through the outbox for the key: fine for a development outbox of hundreds of messages.</summary>
    public async Task<DeliveryCheck> CheckAsync(string dedupeKey, CancellationToken cancellationToken) =>
        (await ListAsync(int.MaxValue, cancellationToken)).Any(m => m.Key == dedupeKey) ? DeliveryCheck.Delivered : DeliveryCheck.NotDelivered;

    /// <summary>Deletes every message to the recipient (erasure): the outbox holds their address and name.</summary>
    public async Task ForgetRecipientAsync(string recipientId, CancellationToken cancellationToken)
    {
        if (!await _outbox.ExistsAsync(cancellationToken)) return;
        await foreach (var blob in _outbox.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, cancellationToken))
        {
            var client = _outbox.GetBlobClient(blob.Name);
            var message = (await client.DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<PickedUp>(JsonSerializerOptions.Web)!;
            if (message.RecipientId == recipientId) await client.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public async Task<List<PickedUp>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var list = new List<PickedUp>();
        if (!await _outbox.ExistsAsync(cancellationToken)) return list;
        await foreach (var blob in _outbox.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, cancellationToken))
        {
            if (list.Count >= max) break;
            var content = await _outbox.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            list.Add(content.Value.Content.ToObjectFromJson<PickedUp>(JsonSerializerOptions.Web)!);
        }
        return list;
    }
}
