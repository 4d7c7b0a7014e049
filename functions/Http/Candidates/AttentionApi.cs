namespace Apprenticeships.Functions.Http.Candidates;

/// <summary>
/// Who needs attention, as JSON: the pipeline board's list of workflow alerts not yet acted upon,
/// oldest first, each with the candidate's name, its kind and facts, and its words; and marking
/// a news item as seen.
/// </summary>
public static class AttentionApi
{
    public static IEndpointRouteBuilder MapAttentionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/attention", async (PipelineAttention attention, CancellationToken ct) => TypedResults.Ok(await attention.OpenAsync(ct)))
            .WithTags("Candidates").RequireAuthorization(StaffPolicies.Candidates).Produces<List<AttentionEntry>>();
        app.MapPost("/api/attention/dismiss", (HttpContext http, JsonBody<DismissAttention> body, PipelineAttention attention, CancellationToken ct) =>
                body.ThenAsync(async r => (await attention.DismissAsync(r, http.User.FindFirst(StaffClaims.Id)?.Value ?? "unknown", ct)).ToHttp(key => key)))
            .WithTags("Candidates").RequireAuthorization(StaffPolicies.Candidates).Produces<AttentionEntryKey>();
        return app;
    }
}
