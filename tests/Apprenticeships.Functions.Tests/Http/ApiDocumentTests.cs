using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Http;

/// <summary>
/// The OpenAPI document at /openapi/v1.json against the app's own routes (read from its
/// EndpointDataSource, so a route added or removed on either side is caught), as Azure runs it:
/// Production, nobody signed in.
/// </summary>
public partial class ApiDocumentTests(ApiDocumentTests.App app) : IClassFixture<ApiDocumentTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WebApplicationFactory<Program> Factory { get; private set; } = null!;
        public HttpResponseMessage Response { get; private set; } = null!;
        public JsonNode Document { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = await AppFactory.CreateAsync("Production", asAdmin: false);
            Response = await Factory.CreateClient().GetAsync("/openapi/v1.json");
            Document = JsonNode.Parse(await Response.Content.ReadAsStringAsync())!;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public void The_document_is_served_to_anyone_as_json()
    {
        Assert.Equal(HttpStatusCode.OK, app.Response.StatusCode);
        Assert.Equal("application/json", app.Response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", (string?)app.Document["openapi"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)app.Document["info"]?["title"]));
        Assert.Equal("https://apprenticeships.example.gov.uk", (string?)app.Document["servers"]?[0]?["url"]);
    }

    [Fact]
    public void Every_api_route_and_method_is_in_the_document_and_nothing_else_is() => AssertSameRoutes(app.Factory, app.Document);

    [Fact]
    public async Task In_development_the_development_routes_are_documented_too()
    {
        await using var development = await AppFactory.CreateAsync("Development", asAdmin: false);
        var document = JsonNode.Parse(await development.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        AssertSameRoutes(development, document);
        Assert.NotNull(document["paths"]?["/api/dev/clock"]?["get"]);
    }

    [Fact]
    public void No_page_link_asset_sign_in_or_development_route_is_in_the_document()
    {
        var routes = AllRoutes(app.Factory).Select(r => r.Template).ToHashSet();
        // The app does map them; they are left out of the document, not missing from the app.
        Assert.Contains("/l/{token}", routes);
        Assert.Contains("/assets/{file}", routes);
        Assert.Contains("/sign-in", routes);
        Assert.Contains("/candidates/{id}", routes);

        var paths = Paths().ToList();
        Assert.All(paths, p => Assert.StartsWith("/api/", p));
        Assert.DoesNotContain(paths, p => p.StartsWith("/api/dev/", StringComparison.Ordinal)); // Production maps none
    }

    [Fact]
    public void Staff_and_provider_security_schemes_are_declared_and_required_where_they_apply()
    {
        var schemes = app.Document["components"]?["securitySchemes"];
        Assert.Equal("http", (string?)schemes?["StaffBearer"]?["type"]);
        Assert.Equal("bearer", (string?)schemes?["StaffBearer"]?["scheme"]);
        Assert.Equal("apiKey", (string?)schemes?["ProviderKey"]?["type"]);
        Assert.Equal("header", (string?)schemes?["ProviderKey"]?["in"]);
        Assert.Equal("X-Provider-Key", (string?)schemes?["ProviderKey"]?["name"]);

        Assert.Equal(["ProviderKey"], SchemesOf("/api/providers/confirmations", "post"));
        Assert.Equal(["ProviderKey"], SchemesOf("/api/providers/learners", "get"));
        Assert.Equal(["StaffBearer"], SchemesOf("/api/candidates", "post"));
        Assert.Equal(["StaffBearer"], SchemesOf("/api/finance/transfers", "post"));
        Assert.Empty(SchemesOf("/api/health", "get"));
        Assert.Empty(SchemesOf("/api/email/events", "post"));
        // The roles come from the endpoint's policies: erasing is for administrators alone.
        Assert.Equal(["Admin"], Operation("/api/candidates/{id}/erase", "post")["security"]![0]!["StaffBearer"]!.AsArray().Select(r => (string?)r));
    }

    [Theory]
    [InlineData("/api/candidates", "givenName", "familyName", "email", "dateOfBirth", "source", "consent", "advisorId")]
    [InlineData("/api/providers/confirmations", "reference", "candidateId", "kind", "date", "hours", "grade", "newPlannedEnd")]
    [InlineData("/api/finance/commitments", "employerId")]
    [InlineData("/api/candidates/{id}/withdraw", "reason")]
    public void Write_endpoints_describe_their_json_body_and_its_validation_problem(string path, params string[] fields)
    {
        var operation = Operation(path, "post");
        var body = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
        Assert.True(body?["properties"] is JsonObject, $"POST {path} has no JSON request schema");
        foreach (var field in fields) Assert.True(body!["properties"]![field] is not null, $"POST {path}'s request schema lacks {field}");
        Assert.NotNull(operation["responses"]?["400"]?["content"]?["application/problem+json"]);
    }

    [Fact]
    public void Answers_have_schemas_and_money_is_a_number()
    {
        var enrolled = Resolve(Operation("/api/candidates", "post")["responses"]?["201"]?["content"]?["application/json"]?["schema"]);
        Assert.NotNull(enrolled?["properties"]?["id"]);
        Assert.NotNull(Operation("/api/providers/learners", "get")["responses"]?["200"]?["content"]?["application/json"]?["schema"]);
        Assert.NotNull(Operation("/api/finance/employers/{id}/statement.csv", "get")["responses"]?["200"]?["content"]?["text/csv"]);

        var transfer = Resolve(Operation("/api/finance/transfers", "post")["responses"]?["201"]?["content"]?["application/json"]?["schema"]);
        var amount = transfer?["properties"]?["amount"];
        Assert.Contains("number", amount?["type"] is JsonArray types ? types.Select(t => (string?)t) : [(string?)amount?["type"]]);
    }

    [Fact]
    public void Each_operation_is_tagged_with_its_area()
    {
        string[] areas = ["Candidates", "Programmes", "Providers", "Finance", "Employers", "Reports", "Email", "Health", "Vacancies", "Progression"];
        var problems = Operations(app.Document)
            .Where(o => o.Operation["tags"]?.AsArray().Select(t => (string?)t).SingleOrDefault() is not { } tag || !areas.Contains(tag))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}: tags {o.Operation["tags"]?.ToJsonString() ?? "none"}").ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Describing_a_json_body_leaves_other_content_types_to_the_handler_as_before()
    {
        // Not .Accepts<T>("application/json"), which would answer 415 before the handler: the
        // provider API still checks the key first, whatever the body's Content-Type.
        var response = await app.Factory.CreateClient().PostAsync("/api/providers/confirmations",
            new StringContent("""{"reference":"r-1"}""", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Fails listing each route and method mapped but not documented, and each documented but not mapped.</summary>
    private static void AssertSameRoutes(WebApplicationFactory<Program> factory, JsonNode document)
    {
        var mapped = ApiRoutes(factory).ToHashSet();
        var documented = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {Normalise(o.Path)}").ToHashSet();
        Assert.NotEmpty(mapped);

        var problems = mapped.Except(documented).Order().Select(r => $"mapped but not in the document: {r}")
            .Concat(documented.Except(mapped).Order().Select(r => $"in the document but not mapped: {r}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>"GET /api/candidates/{id}" for each /api/ route and method mapped; a route taking any method (the health check) counts as GET, as it is documented.</summary>
    private static IEnumerable<string> ApiRoutes(WebApplicationFactory<Program> factory) =>
        AllRoutes(factory).Where(r => r.Template.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(r => (r.Methods ?? ["GET"]).Select(m => $"{m.ToUpperInvariant()} {r.Template}"));

    private static IEnumerable<(string Template, IReadOnlyList<string>? Methods)> AllRoutes(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Normalise("/" + e.RoutePattern.RawText!.Trim('/')), e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods));

    private IEnumerable<string> Paths() => app.Document["paths"]?.AsObject().Select(p => p.Key) ?? [];

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]?.AsObject() ?? []
        from method in OperationMethods
        where path.Value?[method] is not null
        select (path.Key, method, path.Value![method]!);

    private JsonNode Operation(string path, string method) =>
        app.Document["paths"]?[path]?[method] ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is not in the document");

    private IEnumerable<string> SchemesOf(string path, string method) =>
        Operation(path, method)["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)) ?? [];

    /// <summary>The schema itself, following a "$ref" to the document's components.</summary>
    private JsonNode? Resolve(JsonNode? schema) =>
        (string?)schema?["$ref"] is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? app.Document["components"]?["schemas"]?[reference["#/components/schemas/".Length..]]
            : schema;

    /// <summary>"{id:int}", "{*file}" and "{x?}" are "{id}", "{file}" and "{x}", as in an OpenAPI path.</summary>
    private static string Normalise(string template) => Parameter().Replace(template, m => $"{{{m.Groups[1].Value}}}");

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
