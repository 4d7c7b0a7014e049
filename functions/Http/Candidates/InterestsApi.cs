namespace Apprenticeships.Functions.Http.Candidates;

/// <summary>A candidate's sector interests, which match them to vacancies.</summary>
public static class InterestsApi
{
    public static IEndpointRouteBuilder MapInterestsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/candidates/{id}/interests", (string id, JsonBody<SetInterests> body, CandidateInterests interests, CancellationToken ct) =>
            body.ThenAsync(async r => (await interests.SetAsync(id, r, ct)).ToHttp(c => new InterestsResponse(c.Id, c.SectorInterests))))
            .WithTags("Candidates").RequireAuthorization(StaffPolicies.Candidates).AddEndpointFilter<PersonalDataAudit>()
            .Produces<InterestsResponse>();
        return app;
    }
}

public sealed record InterestsResponse(string CandidateId, IReadOnlyList<string> Sectors);
