using Apprenticeships.Functions.Security;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Models;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Functions.Providers;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Http.Programmes;

/// <summary>
/// Training providers: registered by the hub (their API key shown once), and their own API,
/// authenticated by that key and scoped to their own learners: list them, confirm attendance,
/// milestones, off-the-job hours, gateway, EPA results and breaks in learning.
/// </summary>
public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/providers");
        group.MapPost("", RegisterAsync).RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (ProviderStore providers, CancellationToken ct) =>
            Results.Ok((await providers.ListAsync(ct)).OrderBy(p => p.Name).Select(p => new ProviderSummary(p.Id, p.Name, p.KeyIssuedAt))))
            .RequireAuthorization(StaffPolicies.Administration);
        // Public to sign-in: a provider proves who they are with their key (X-Provider-Key), checked in the handler.
        group.MapGet("/learners", LearnersAsync).AllowAnonymous();
        group.MapPost("/confirmations", ConfirmAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> RegisterAsync(JsonBody<RegisterProviderRequest> body, ProviderKeys keys, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = errors.Id("id", r.Id, "Provider id");
        var name = errors.Text("name", r.Name, "Name", 120);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var registered = await keys.RegisterAsync(id!, name!, ct);
        if (registered is not var (account, key)) return ProblemResults.Conflict("id", $"Provider '{id}' already exists.");
        return TypedResults.Created($"/api/providers/{id}", new ProviderRegistered(account.Id, account.Name, key));
    }

    private static async Task<IResult> LearnersAsync(HttpRequest request, ProviderKeys keys, CandidateStore candidates,
        AcademyStore academies, CohortStore cohorts, CancellationToken ct)
    {
        if (await keys.VerifyAsync(request.Headers[ProviderKeys.Header], ct) is not { } provider) return NoKey();
        var academyIds = (await academies.ListAsync(ct)).Where(a => a.ProviderId == provider.Id).Select(a => a.Id).ToHashSet();
        var cohortIds = (await cohorts.ListAsync(ct)).Where(c => c.ProviderId == provider.Id).Select(c => c.Id).ToHashSet();
        var learners = (await candidates.ListAsync(null, null, ct))
            .Where(c => !c.Stage.IsClosed() && (c.AcademyId is { } a && academyIds.Contains(a) || c.CohortId is { } k && cohortIds.Contains(k)))
            .Select(c => new ProviderLearner(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.AcademyId, c.CohortId));
        return TypedResults.Ok(learners);
    }

    private static async Task<IResult> ConfirmAsync(HttpRequest request, JsonBody<ConfirmationRequest> body, ProviderKeys keys,
        ProviderConfirmations confirmations, CancellationToken ct)
    {
        if (await keys.VerifyAsync(request.Headers[ProviderKeys.Header], ct) is not { } provider) return NoKey();
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var result = await confirmations.ConfirmAsync(provider, r, ct);
        return result switch
        {
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            { Response: { } response } => result.Status == StatusCodes.Status201Created ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response),
            { Status: StatusCodes.Status403Forbidden } => ProblemResults.Forbidden(result.Field!, result.Detail!),
            _ => ProblemResults.Conflict(result.Field!, result.Detail!),
        };
    }

    private static IResult NoKey() => ProblemResults.Unauthorized(ProviderKeys.Header, $"Send your provider API key in the {ProviderKeys.Header} header.");
}
