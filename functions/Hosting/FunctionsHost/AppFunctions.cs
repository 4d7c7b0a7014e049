using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Functions.Schedules;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// The functions the Functions host is told about, worked out from the app itself when the host
/// asks the worker (worker indexing), so no function is written down twice: one anonymous HTTP
/// function per route pattern with all its methods (the app authenticates its callers itself:
/// signed links, provider keys, SendGrid signatures, staff sign-in), and one timer function per
/// schedule. Durable Functions adds the orchestrators and activities the same way from
/// <see cref="TaskRegistry"/>.
/// </summary>
public sealed partial class AppFunctions(AppRequests requests) : IFunctionMetadataTransformer
{
    public string Name => nameof(AppFunctions);

    public void Transform(IList<IFunctionMetadata> original)
    {
        foreach (var template in original.Where(f => f.Name is AppFunctionEntryPoints.RequestTemplate or AppFunctionEntryPoints.ScheduleTemplate).ToList())
            original.Remove(template);
        foreach (var route in HttpRoutes(requests.Routes)) original.Add(Http(route.Key, route.Value));
        foreach (var schedule in AppSchedules.All) original.Add(Timer(schedule));
    }

    /// <summary>Route template (no leading slash) to its methods, lower case; null where some endpoint takes any method.</summary>
    public static SortedDictionary<string, SortedSet<string>?> HttpRoutes(IEnumerable<RouteEndpoint> endpoints)
    {
        var routes = new SortedDictionary<string, SortedSet<string>?>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var template = endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToLowerInvariant());
            if (!routes.TryGetValue(template, out var known)) routes[template] = methods is null ? null : new SortedSet<string>(methods, StringComparer.Ordinal);
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

    private static AppFunctionMetadata Http(string template, SortedSet<string>? methods) => new(HttpFunctionName(template), AppFunctionEntryPoints.Request,
    [
        Binding(new() { ["name"] = "req", ["type"] = "httpTrigger", ["direction"] = "In", ["authLevel"] = "Anonymous", ["methods"] = methods?.ToArray(), ["route"] = template }),
        Binding(new() { ["name"] = "$return", ["type"] = "http", ["direction"] = "Out" }),
        DurableClient(),
    ]);

    private static AppFunctionMetadata Timer(Schedule schedule) => new(schedule.Name, AppFunctionEntryPoints.Schedule,
    [
        Binding(new() { ["name"] = "timer", ["type"] = "timerTrigger", ["direction"] = "In", ["schedule"] = schedule.Cron }),
        DurableClient(),
    ]);

    private static string DurableClient() => Binding(new() { ["name"] = AppFunctionEntryPoints.DurableClientBinding, ["type"] = "durableClient", ["direction"] = "In" });

    private static string Binding(Dictionary<string, object?> properties) =>
        JsonSerializer.Serialize(properties.Where(p => p.Value is not null).ToDictionary());

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
