using System.Reflection;
using Apprenticeships.Functions.Http;
using Apprenticeships.Functions.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Http.Fuzz;

/// <summary>
/// One route and method the app maps, with what its handler reads: route values, query values,
/// a JSON body (its record type) or a form (its field names), and whether a provider signs in for it.
/// </summary>
public sealed record FuzzRoute(string Method, string Template, IReadOnlyList<string> RouteValues, IReadOnlyList<string> Query,
    Type? Body, bool ReadsForm, IReadOnlyList<string> FormFields, bool ForProviders)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// Every route the app maps, read from its EndpointDataSource and each handler's parameters, so a
/// route added later is fuzzed without anyone listing it here.
/// </summary>
public static class RouteCatalogue
{
    public static List<FuzzRoute> Of(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var routes = new List<FuzzRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var (query, form, body, readsForm) = (new List<string>(), new List<string>(), (Type?)null, false);
            foreach (var p in handler?.GetParameters() ?? [])
            {
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                if (routeValues.Contains(p.Name!, StringComparer.OrdinalIgnoreCase) || type == typeof(CancellationToken) || type == typeof(HttpContext)) continue;
                if (type == typeof(IFormCollection)) readsForm = true;
                else if (p.GetCustomAttribute<FromFormAttribute>() is not null) { readsForm = true; form.Add(p.Name!); }
                else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonBody<>)) body = type.GetGenericArguments()[0];
                else if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateOnly)) query.Add(p.Name!);
                else if (type == typeof(HttpRequest) || isService.IsService(type)) continue;
                else if (type.IsClass) body = type;
            }
            var forProviders = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == StaffPolicies.Provider);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                routes.Add(new FuzzRoute(method, template, routeValues, query, body, readsForm, form, forProviders));
        }
        return routes.OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>The JSON names of a body record's properties with their types.</summary>
    public static IEnumerable<(string Name, Type Type)> Fields(Type body) =>
        body.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || body.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name)))
            .Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType));
}
