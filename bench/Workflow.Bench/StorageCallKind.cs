using Azure.Core;

namespace Workflow.Bench;

/// <summary>
/// Names a storage request by what it does (batch transaction, upsert, queue receive, blob
/// lease...), from its service (told apart by endpoint, as Azurite serves each on its own port),
/// method, path and query. One request is one billable storage transaction.
/// </summary>
public sealed class StorageCallKind(string connectionString)
{
    private readonly Dictionary<string, string> _services = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split('=', 2))
        .Where(kv => kv.Length == 2 && kv[0].EndsWith("Endpoint") && Uri.IsWellFormedUriString(kv[1], UriKind.Absolute))
        .ToDictionary(kv => new Uri(kv[1]).Authority, kv => kv[0][..^"Endpoint".Length].ToLowerInvariant());

    public string Of(Request request)
    {
        var what = What(request);
        var where = Where(request.Uri.Path);
        return where is null ? what : $"{what} ({where})";
    }

    /// <summary>
    /// Which of the engine's tables or queues a call went to (a task hub's names end in these), so
    /// a kind such as "table query" says whether it read history, instance status or leases.
    /// </summary>
    private static string? Where(string path)
    {
        var name = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.Split('(')[0];
        string[] roles = ["History", "Instances", "Partitions", "control", "workitems", "leases"];
        return name is null ? null : roles.FirstOrDefault(role => name.Contains(role, StringComparison.OrdinalIgnoreCase));
    }

    private string What(Request request)
    {
        var service = _services.GetValueOrDefault(request.Uri.Host + ":" + request.Uri.Port, "?");
        var path = request.Uri.Path;
        var query = request.Uri.Query;
        var method = request.Method.Method;
        return service switch
        {
            "table" when path.EndsWith("/$batch") => "table batch transaction",
            "table" when path.EndsWith("/Tables") || path.Contains("/Tables(") => "table create/delete table",
            "table" when method == "GET" && path.Contains("PartitionKey=") => "table point read",
            "table" when method == "GET" => "table query",
            "table" when method == "POST" => "table insert",
            "table" when method is "PUT" or "MERGE" or "PATCH" => request.Headers.Contains("If-Match") ? "table update with ETag" : "table upsert",
            "table" when method == "DELETE" => "table delete",
            "queue" when path.Contains("/messages/") && method == "DELETE" => "queue delete",
            "queue" when path.Contains("/messages/") && method == "PUT" => "queue visibility update",
            "queue" when path.EndsWith("/messages") && method == "POST" => "queue send",
            "queue" when path.EndsWith("/messages") && method == "GET" =>
                query.Contains("peekonly=true") ? "queue peek" : "queue receive",
            "queue" when query.Contains("comp=metadata") => "queue length read",
            "queue" => $"queue {method}",
            "blob" when query.Contains("comp=lease") => "blob lease",
            "blob" when query.Contains("comp=list") => "blob list",
            "blob" when query.Contains("restype=container") => $"blob container {method}",
            _ => $"{service} {method}",
        };
    }
}
