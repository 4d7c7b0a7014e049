using System.Globalization;
using System.Text.Json;

namespace Apprenticeships.Functions.Triggers;

/// <summary>
/// What the Functions host POSTs to a custom handler for a non-HTTP trigger:
/// {"Data": {bindingName: value}, "Metadata": {triggerMetadata...}}.
/// </summary>
public sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>
    /// The queue message's text. The documentation shows the raw text, but the host JSON-encodes
    /// string inputs once more before it serialises the payload, so a message can arrive as a JSON
    /// string holding a JSON string; and a JSON message may arrive already parsed. All three are
    /// read back to the text that was queued.
    /// </summary>
    public string? QueueMessage(string bindingName)
    {
        if (Data is null || !Data.TryGetValue(bindingName, out var value)) return null;
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return value.GetRawText();
        if (value.ValueKind != JsonValueKind.String) return null;
        var text = value.GetString()!;
        for (var unwrap = 0; unwrap < 2 && text.TrimStart().StartsWith('"'); unwrap++)
        {
            try
            {
                text = JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                break;
            }
        }
        return text;
    }

    /// <summary>How many times the queue has handed this message out, 1 on the first delivery (a number, or a number in a string).</summary>
    public int DequeueCount()
    {
        if (Metadata is null || !Metadata.TryGetValue("DequeueCount", out var value)) return 1;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)) return n;
        return value.ValueKind == JsonValueKind.String &&
            int.TryParse(value.GetString()!.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out n) ? n : 1;
    }

    /// <summary>The queue message id, for logs.</summary>
    public string? MessageId() =>
        Metadata is not null && Metadata.TryGetValue("Id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()!.Trim('"') : null;
}

/// <summary>
/// The documented custom-handler answer. These functions have no output bindings and no $return,
/// so Outputs is empty and ReturnValue null; Logs show up in the invocation's logs.
/// </summary>
public sealed record InvocationResponse(Dictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResponse Logged(params string[] logs) => new([], logs, null);
}
