using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The function.json each function should have, worked out from the running app: one HTTP
/// function per route pattern (all its methods). The workflows need no functions of their own
/// here: the Durable Task engine runs in the app's process and polls its task hub itself.
/// </summary>
internal static partial class ExpectedFunctionJson
{
    public static SortedDictionary<string, JsonObject> From(EndpointDataSource endpoints)
    {
        var functions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var route in HttpRoutes(endpoints))
        {
            functions.Add(HttpFunctionName(route.Key), Http(route.Key, route.Value));
        }
        return functions;
    }

    /// <summary>Route template (without the leading slash) to its methods; null when some endpoint there takes any method.</summary>
    public static SortedDictionary<string, SortedSet<string>?> HttpRoutes(EndpointDataSource endpoints)
    {
        var routes = new SortedDictionary<string, SortedSet<string>?>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToLowerInvariant()).ToList();
            if (!routes.TryGetValue(template, out var known))
            {
                routes[template] = methods is null ? null : new SortedSet<string>(methods, StringComparer.Ordinal);
            }
            else if (known is not null)
            {
                if (methods is null) routes[template] = null;
                else known.UnionWith(methods);
            }
        }
        return routes;
    }

    /// <summary>
    /// "api/finance/employers/{id}/statement.csv" is "http-finance-employers-id-statement-csv"; a page
    /// such as "candidates/{id}" is "page-candidates-id", apart from its API namesake "http-candidates-id".
    /// </summary>
    public static string HttpFunctionName(string template)
    {
        var isApi = template.StartsWith("api/", StringComparison.Ordinal);
        var words = NonWord().Split(isApi ? template[4..] : template).Where(w => w.Length > 0);
        return (isApi ? "http-" : "page-") + (template.Length == 0 ? "home" : string.Join('-', words).ToLowerInvariant());
    }

    private static JsonObject Http(string template, SortedSet<string>? methods)
    {
        // Anonymous: the app authenticates its callers itself (signed links, provider keys,
        // SendGrid signatures); function keys would break candidates' emailed links.
        var trigger = new JsonObject { ["type"] = "httpTrigger", ["direction"] = "in", ["name"] = "req", ["authLevel"] = "anonymous" };
        if (methods is not null) trigger["methods"] = new JsonArray(methods.Select(m => (JsonNode)m!).ToArray());
        trigger["route"] = template;
        return Bindings(trigger, new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" });
    }

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
