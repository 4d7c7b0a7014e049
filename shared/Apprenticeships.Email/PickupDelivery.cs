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
        // Newest first in a plain listing: blob names sort by inverted time, then name the key.
        var name = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}{KeySuffix(key)}";
        await _outbox.GetBlobClient(name).UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(message, JsonSerializerOptions.Web)), overwrite: true, cancellationToken);
    }

    /// <summary>Whether a message with the key is in the outbox, from the blob names alone.</summary>
    public async Task<DeliveryCheck> CheckAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        if (!await _outbox.ExistsAsync(cancellationToken)) return DeliveryCheck.NotDelivered;
        var suffix = KeySuffix(dedupeKey);
        await foreach (var blob in _outbox.GetBlobsAsync(cancellationToken: cancellationToken))
            if (blob.Name.EndsWith(suffix, StringComparison.Ordinal)) return DeliveryCheck.Delivered;
        return DeliveryCheck.NotDelivered;
    }

    /// <summary>Deletes every message to the recipient (erasure): the outbox holds their address and name.</summary>
    public async Task ForgetRecipientAsync(string recipientId, CancellationToken cancellationToken)
    {
        await foreach (var (name, message) in ReadAsync(cancellationToken))
            if (message.RecipientId == recipientId) await _outbox.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task<List<PickedUp>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var list = new List<PickedUp>();
        await foreach (var (_, message) in ReadAsync(cancellationToken))
        {
            if (list.Count >= max) break;
            list.Add(message);
        }
        return list;
    }

    private static string KeySuffix(string dedupeKey) => $"-{AddressHash.Of(dedupeKey)[..16]}.json";

    /// <summary>The outbox's messages, newest first.</summary>
    private async IAsyncEnumerable<(string Name, PickedUp Message)> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await _outbox.ExistsAsync(cancellationToken)) yield break;
        await foreach (var blob in _outbox.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await _outbox.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            yield return (blob.Name, content.Value.Content.ToObjectFromJson<PickedUp>(JsonSerializerOptions.Web)!);
        }
    }
}
