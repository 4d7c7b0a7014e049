using Apprenticeships.Application.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Apprenticeships.Functions.Http;

/// <summary>
/// The OpenAPI document of the JSON API, served anonymously at /openapi/v1.json for the systems
/// that integrate with the hub: every /api/ route this app maps, so the development routes
/// (/api/dev/...) only where they are mapped, in Development. Pages, candidates' link pages
/// (/l/...), assets and sign-in are not part of the API and are left out here, in one place,
/// rather than on each page.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = $"/openapi/{Name}.json";

    /// <summary>Staff: an Entra ID access token.</summary>
    public const string StaffScheme = "StaffBearer";
    /// <summary>Training providers: the API key the hub issued them.</summary>
    public const string ProviderKeyScheme = "ProviderKey";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = description => IsApi(description.RelativePath);
            o.AddDocumentTransformer(DescribeAsync);
            o.AddOperationTransformer(SecureAsync);
            o.AddSchemaTransformer(DecimalAsNumberAsync);
        });

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// A JSON request body of <paramref name="type"/> for the document. Not .Accepts&lt;T&gt;("application/json"):
    /// its content types also make routing answer 415 to any other Content-Type, and the API reads
    /// JSON whatever the header says. With no content types, routing ignores it and the document
    /// shows application/json.
    /// </summary>
    public static IAcceptsMetadata JsonRequest(Type type) => new AcceptsMetadata([], type);

    /// <summary>Documents the request body as JSON of type <typeparamref name="T"/> (see <see cref="JsonRequest"/>).</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) => builder.WithMetadata(JsonRequest(typeof(T)));

    /// <summary>Marks an endpoint as the provider API: callers prove who they are with X-Provider-Key, checked in the handler.</summary>
    public static RouteHandlerBuilder WithProviderKey(this RouteHandlerBuilder builder) => builder.WithMetadata(ProviderKeyMetadata.Instance);

    private sealed class ProviderKeyMetadata
    {
        public static readonly ProviderKeyMetadata Instance = new();
    }

    private static bool IsApi(string? relativePath) => relativePath?.StartsWith("api/", StringComparison.Ordinal) == true;

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Candidates"] = "Advisors: enrol candidates from referrals, follow their journeys, record job starts and sustainment, withdraw or erase them.",
        ["Programmes"] = "Sector-based work academies and apprenticeship cohorts: create them, add members, record attendance and outcomes.",
        ["Providers"] = $"Registering training providers (hub administrators), and the providers' own API, authenticated by {ProviderKeys.Header}.",
        ["Finance"] = "Council finance systems and officers: levy employers, declarations, English fractions, accounts and forecasts, commitments, transfers.",
        ["Employers"] = "The hub's employers, one record each (academies, job starts, cohorts and the levy account refer to it): their sites, contacts (personal data, erasable) and membership of the hub's employer scheme.",
        ["Reports"] = "The hub's outcome figures for a date range, as JSON or CSV.",
        ["Vacancies"] = "Employers' vacancies: post, edit and close them, match candidates by stage and sector interest, put candidates forward, record the employer's decisions; issue employers their portal keys.",
        ["Progression"] = "In-work progression at employers: training-needs reviews, people followed in work, training, pay and hours, leaving, headcount returns.",
        ["Email"] = "SendGrid's signed event webhook.",
        ["Health"] = "Whether the app can reach its storage.",
        ["Development"] = "Development only: the business clock and demo data.",
    };

    private static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Employment and Training Hub API",
            Version = Name,
            Description = $"""
                The hub's JSON API, in three parts:

                - **Hub staff API** (Candidates, Programmes, Providers registration, Reports): advisors and administrators, with a Microsoft Entra ID access token (`Authorization: Bearer ...`) carrying their role.
                - **Provider API** (`/api/providers/learners`, `/api/providers/confirmations`): training providers, with the API key the hub issued them in the `{ProviderKeys.Header}` header.
                - **Finance API** (`/api/finance/...`): council finance systems and officers, with an access token carrying the Finance role.

                Errors are problem details (RFC 9457). Invalid input is 400 with an `errors` object naming each field; 401 is no or bad credentials, 403 the wrong role (or another provider's learner), 404 an unknown id, 409 a conflict with the record's state, and 503 (with Retry-After) storage out of reach, with nothing changed.
                Stages, sources and other enumerations are written and read as their names. Money is a number in pounds with two decimal places (1000.00).
                """,
        };
        var publicUrl = context.ApplicationServices.GetRequiredService<IOptions<HubOptions>>().Value.PublicUrl;
        if (Uri.TryCreate(publicUrl, UriKind.Absolute, out _)) document.Servers = [new OpenApiServer { Url = publicUrl.TrimEnd('/') }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[StaffScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Hub staff and finance systems: a Microsoft Entra ID access token for the hub's app registration, with the caller's role (Advisor, Finance or Admin) in its roles claim.",
        };
        document.Components.SecuritySchemes[ProviderKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ProviderKeys.Header,
            Description = "Training providers: the API key the hub issued when registering them (shown once; a new key replaces the old).",
        };

        await AddHealthAsync(document, context, ct);
        NoFieldRequiredInRequestBodies(document);

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags) tag.Description ??= Tags.GetValueOrDefault(tag.Name ?? "");
    }

    /// <summary>/api/health is a health-check endpoint rather than a route handler, so the API explorer does not see it.</summary>
    private static async Task AddHealthAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.AddComponent<IOpenApiSchema>(nameof(HealthApi.HealthBody), await context.GetOrCreateSchemaAsync(typeof(HealthApi.HealthBody), null, ct));
        var schema = new OpenApiSchemaReference(nameof(HealthApi.HealthBody), document);
        OpenApiResponse Answer(string description) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == "Health")) document.Tags.Add(new OpenApiTag { Name = "Health" });
        document.Paths ??= new OpenApiPaths();
        document.Paths[HealthApi.Route] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "Health",
                    Summary = "Whether tables, queues and blobs all answer.",
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = Answer("Every storage service answered."),
                        ["503"] = Answer("Some storage service did not answer; its entry says which."),
                    },
                },
            },
        };
    }

    /// <summary>
    /// Decimals (money, rates, hours) are JSON numbers, money written with two decimal places by
    /// <see cref="MoneyJsonConverter"/>. With a converter of its own the schema would otherwise have
    /// no type, only the "double" format, which invites floating point for money.
    /// </summary>
    private static Task DecimalAsNumberAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(decimal) || type == typeof(decimal?))
        {
            schema.Type = type == typeof(decimal) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Format = "decimal";
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Request bodies are read with no field required (a missing one is null), then checked: each
    /// missing or invalid field is a 400 naming it, and which are needed can depend on others (a
    /// confirmation's kind, an outcome's offer). The schemas' "required", taken from the records'
    /// constructors, would list every field, so a client or gateway checking them would refuse
    /// requests the API accepts.
    /// </summary>
    private static void NoFieldRequiredInRequestBodies(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.RequestBody?.Content is not { } content || !content.TryGetValue("application/json", out var json)) continue;
            var id = json.Schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;
            if (id is not null && schemas is not null && schemas.TryGetValue(id, out var found) && found is OpenApiSchema schema) schema.Required?.Clear();
        }
    }

    /// <summary>
    /// Who may call each operation, from the endpoint's own metadata: the provider API takes a key,
    /// an anonymous endpoint nothing, and anything else a staff token with one of the roles its
    /// policies (or the fallback policy) allow.
    /// </summary>
    private static async Task SecureAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        if (metadata.OfType<ProviderKeyMetadata>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ProviderKeyScheme, context.Document)] = [] }];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = $"No {ProviderKeys.Header}, or not a current key." });
            return;
        }
        if (metadata.OfType<IAllowAnonymous>().Any()) return;

        var roles = await RolesAsync(metadata, context.ApplicationServices);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(StaffScheme, context.Document)] = roles }];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid staff access token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The caller's role is not {string.Join(" or ", roles)}." });
    }

    /// <summary>The roles every one of the endpoint's policies allows (the fallback policy when it names none).</summary>
    private static async Task<List<string>> RolesAsync(IList<object> metadata, IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var names = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var found = names.Count == 0 ? [await policies.GetFallbackPolicyAsync()] : await Task.WhenAll(names.Select(policies.GetPolicyAsync));
        IEnumerable<string>? roles = null;
        foreach (var requirement in found.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>())
        {
            roles = roles is null ? requirement.AllowedRoles : roles.Intersect(requirement.AllowedRoles);
        }
        return (roles ?? []).OrderBy(r => StaffRoles.All.ToList().IndexOf(r)).ToList();
    }
}
