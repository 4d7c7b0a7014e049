using Azure.Core;

namespace Durable.Bench;

/// <summary>
/// Names a storage request by what it does (batch transaction, upsert, queue receive...), from its
/// service (told apart by endpoint, as Azurite serves each on its own port), method and path.
/// </summary>
public sealed class StorageCallKind(string connectionString)
{
    private readonly Dictionary<string, string> _services = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split('=', 2))
        .Where(kv => kv.Length == 2 && kv[0].EndsWith("Endpoint") && Uri.IsWellFormedUriString(kv[1], UriKind.Absolute))
        .ToDictionary(kv => new Uri(kv[1]).Authority, kv => kv[0][..^"Endpoint".Length].ToLowerInvariant());

    public string Of(Request request)
    {
        var service = _services.GetValueOrDefault(request.Uri.Host + ":" + request.Uri.Port, "?");
        var path = request.Uri.Path;
        var method = request.Method.Method;
        return service switch
        {
            "table" when path.EndsWith("/$batch") => "table batch transaction",
            "table" when path.EndsWith("/Tables") || path.Contains("/Tables(") => "table create/delete table",
            "table" when method == "GET" && path.Contains("PartitionKey=") => "table point read",
            "table" when method == "GET" => "table query",
            "table" when method == "POST" => "table insert",
            "table" when method is "PUT" or "MERGE" or "PATCH" => request.Headers.Contains("If-Match") ? "table update (ETag)" : "table upsert",
            "table" when method == "DELETE" => "table delete",
            "queue" when path.Contains("/messages/") && method == "DELETE" => "queue delete",
            "queue" when path.Contains("/messages/") && method == "PUT" => "queue update",
            "queue" when path.EndsWith("/messages") && method == "POST" => "queue send",
            "queue" when path.EndsWith("/messages") && method == "GET" =>
                request.Uri.Query.Contains("peekonly=true") ? "queue peek" : "queue receive",
            _ => $"{service} {method}",
        };
    }
}
