using Azure.Data.Tables;

namespace Apprenticeships.Durable.Storage;

/// <summary>
/// Table properties hold at most 32K characters and an entity at most 1 MB, so a long text is
/// split over numbered properties, and one longer than an entity can hold goes to a blob.
/// </summary>
internal sealed class LargeText(TaskHub hub)
{
    private const int PropertyChars = 30_000;
    private const int MaxParts = 14;
    private const string BlobMarker = "\u0001blob:";

    public async Task WriteAsync(TableEntity entity, string property, string? text, string instanceId)
    {
        // Drop the parts of an earlier, longer value of this property.
        foreach (var key in entity.Keys.Where(k => k.StartsWith(property, StringComparison.Ordinal) && k.Length > property.Length &&
                     (k[property.Length..] == "Parts" || k[property.Length..].All(char.IsAsciiDigit))).ToList())
        {
            entity.Remove(key);
        }
        if (text is not null && text.Length > PropertyChars * MaxParts)
        {
            text = BlobMarker + await OffloadAsync(instanceId, text);
        }
        if (text is null || text.Length <= PropertyChars)
        {
            entity[property] = text;
            return;
        }
        var parts = (text.Length + PropertyChars - 1) / PropertyChars;
        entity[property] = null;
        entity[property + "Parts"] = parts;
        for (var i = 0; i < parts; i++)
        {
            entity[$"{property}{i}"] = text.Substring(i * PropertyChars, Math.Min(PropertyChars, text.Length - i * PropertyChars));
        }
    }

    public async Task<string?> ReadAsync(TableEntity entity, string property)
    {
        var text = entity.GetInt32(property + "Parts") is { } parts
            ? string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString($"{property}{i}")))
            : entity.GetString(property);
        return text is not null && text.StartsWith(BlobMarker, StringComparison.Ordinal)
            ? await DownloadAsync(text[BlobMarker.Length..])
            : text;
    }

    /// <summary>Stores text in the hub's container under the instance's folder (purged with it).</summary>
    public async Task<string> OffloadAsync(string instanceId, string text)
    {
        var name = $"{Uri.EscapeDataString(instanceId)}/{Guid.NewGuid():N}";
        await hub.Payloads.GetBlobClient(name).UploadAsync(BinaryData.FromString(text));
        return name;
    }

    public async Task<string> DownloadAsync(string name) =>
        (await hub.Payloads.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();
}
