
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
        var group = app.MapGroup("/api/providers").WithTags("Providers");
        group.MapPost("", (JsonBody<RegisterProvider> body, ProviderKeys keys, CancellationToken ct) =>
            body.ThenAsync(async r => (await keys.RegisterAsync(r, ct)).ToCreated(k => $"/api/providers/{k.Account.Id}",
                k => new ProviderRegistered(k.Account.Id, k.Account.Name, k.Key))))
            .RequireAuthorization(StaffPolicies.Administration).ProducesCreated<ProviderRegistered>();
        group.MapGet("", async (ProviderKeys keys, CancellationToken ct) =>
            TypedResults.Ok((await keys.ListAsync(ct)).Select(p => new ProviderSummary(p.Id, p.Name, p.KeyIssuedAt))))
            .RequireAuthorization(StaffPolicies.Administration);
        // Public to sign-in: a provider proves who they are with their key (X-Provider-Key), checked in the handler.
        group.MapGet("/learners", async (HttpRequest request, ProviderKeys keys, ProviderLearners learners, CancellationToken ct) =>
            await keys.VerifyAsync(request.Headers[ProviderKeys.Header], ct) is { } provider
                ? TypedResults.Ok(await learners.OfAsync(provider.Id, ct))
                : NoKey()).AllowAnonymous().WithProviderKey().Produces<List<ProviderLearner>>();
        group.MapPost("/confirmations", async (HttpRequest request, JsonBody<ConfirmTraining> body, ProviderKeys keys,
            ProviderConfirmations confirmations, CancellationToken ct) =>
            await keys.VerifyAsync(request.Headers[ProviderKeys.Header], ct) is { } provider
                ? await body.ThenAsync(async r => (await confirmations.ConfirmAsync(provider, r, ct)).ToCreated(_ => null, c => c))
                : NoKey()).AllowAnonymous().WithProviderKey().ProducesCreated<ConfirmationRecorded>().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static IResult NoKey() => ProblemResults.Unauthorized(ProviderKeys.Header, $"Send your provider API key in the {ProviderKeys.Header} header.");
}

/// <summary>A provider as registered; <see cref="ApiKey"/> is only ever shown here, once.</summary>
public sealed record ProviderRegistered(string Id, string Name, string ApiKey);

public sealed record ProviderSummary(string Id, string Name, DateTimeOffset KeyIssuedAt);
