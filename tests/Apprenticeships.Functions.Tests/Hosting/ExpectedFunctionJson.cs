using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Apprenticeships.Durable.Storage;
using Apprenticeships.Functions.Triggers;
using Microsoft.AspNetCore.Routing;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The function.json each function should have, worked out from the running app: one HTTP
/// function per route pattern (all its methods), one queue trigger per task-hub queue the
/// worker consumes, one timer trigger per background loop.
/// </summary>
internal static partial class ExpectedFunctionJson
{
    public const string Connection = "AzureWebJobsStorage";

    public static SortedDictionary<string, JsonObject> From(EndpointDataSource endpoints, TaskHub hub)
    {
        var functions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var route in HttpRoutes(endpoints))
        {
            functions.Add(HttpFunctionName(route.Key), Http(route.Key, route.Value));
        }
        foreach (var function in TriggerFunctions.All)
        {
            functions.Add(function.Name, function switch
            {
                QueueTriggerFunction queue => Bindings(new JsonObject
                {
                    ["type"] = "queueTrigger", ["direction"] = "in", ["name"] = queue.BindingName,
                    ["queueName"] = queue.Queue(hub).Name, ["connection"] = Connection,
                }),
                TimerTriggerFunction timer => Bindings(new JsonObject
                {
                    ["type"] = "timerTrigger", ["direction"] = "in", ["name"] = timer.BindingName, ["schedule"] = timer.Schedule,
                }),
                _ => throw new InvalidOperationException(function.GetType().Name),
            });
        }
        return functions;
    }

    /// <summary>Route template (without the leading slash) to its methods; null when some endpoint there takes any method.</summary>
    public static SortedDictionary<string, SortedSet<string>?> HttpRoutes(EndpointDataSource endpoints)
    {
        var routes = new SortedDictionary<string, SortedSet<string>?>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<TriggerEndpointMetadata>() is not null) continue;
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
