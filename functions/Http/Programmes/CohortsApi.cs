using Apprenticeships.Functions.Http.Candidates;

namespace Apprenticeships.Functions.Http.Programmes;

/// <summary>Apprenticeship cohorts: create and list them, accept candidates into them.</summary>
public static class CohortsApi
{
    public static IEndpointRouteBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cohorts").WithTags("Programmes").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", (JsonBody<CreateCohort> body, CohortCreation creation, CancellationToken ct) =>
            body.ThenAsync(async r => (await creation.CreateAsync(r, ct)).ToCreated(k => $"/api/cohorts/{k.Id}", k => k)))
            .RequireAuthorization(StaffPolicies.Administration).ProducesCreated<Cohort>();
        group.MapGet("", async (ProgrammeQueries programmes, CancellationToken ct) => TypedResults.Ok(await programmes.CohortsAsync(ct)));
        group.MapGet("/{id}", async (string id, ProgrammeQueries programmes, CancellationToken ct) => (await programmes.CohortAsync(id, ct)).ToHttp(k => k))
            .Produces<CohortDetails>();
        group.MapPost("/{id}/members", (string id, JsonBody<AddMember> body, CandidateAssignments assignments, CancellationToken ct) =>
            body.ThenAsync(async r => (await assignments.AddToCohortAsync(id, r, ct)).ToCreated(_ => $"/api/cohorts/{id}", CandidatesApi.Assigned)))
            .ProducesCreated<CandidateAssigned>();
        return app;
    }
}
