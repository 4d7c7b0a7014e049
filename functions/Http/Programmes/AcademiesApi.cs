using Apprenticeships.Functions.Http.Candidates;

namespace Apprenticeships.Functions.Http.Programmes;

/// <summary>Sector-based work academies: create and list them, add members, record attendance and outcomes.</summary>
public static class AcademiesApi
{
    public static IEndpointRouteBuilder MapAcademiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/academies").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", (JsonBody<CreateAcademy> body, AcademyCreation creation, CancellationToken ct) =>
            body.ThenAsync(async r => (await creation.CreateAsync(r, ct)).ToCreated(a => $"/api/academies/{a.Id}", a => a)))
            .RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (ProgrammeQueries programmes, CancellationToken ct) => TypedResults.Ok(await programmes.AcademiesAsync(ct)));
        group.MapGet("/{id}", async (string id, ProgrammeQueries programmes, CancellationToken ct) => (await programmes.AcademyAsync(id, ct)).ToHttp(a => a));
        group.MapPost("/{id}/members", (string id, JsonBody<AddMember> body, CandidateAssignments assignments, CancellationToken ct) =>
            body.ThenAsync(async r => (await assignments.AddToAcademyAsync(id, r, ct)).ToCreated(_ => $"/api/academies/{id}", CandidatesApi.Assigned)));
        group.MapPost("/{id}/attendance", (string id, JsonBody<RecordAttendance> body, AcademyAttendance attendance, CancellationToken ct) =>
            body.ThenAsync(async r => (await attendance.RecordAsync(id, r, ct)).ToHttp(a =>
                new { candidateId = a.Value.CandidateId, date = a.Value.Date, attended = a.Value.Attended, status = a.Status.ToString() })));
        group.MapPost("/{id}/outcomes", (string id, JsonBody<RecordAcademyOutcome> body, AcademyOutcomes outcomes, CancellationToken ct) =>
            body.ThenAsync(async r => (await outcomes.RecordAsync(id, r, ct)).ToHttp(o =>
                new { candidateId = r.CandidateId, outcome = o.Value.Outcome, offer = o.Value.Offer, status = o.Status.ToString() })));
        return app;
    }
}
