using Apprenticeships.Functions.Http.Candidates;

namespace Apprenticeships.Functions.Http.Programmes;

/// <summary>Sector-based work academies: create and list them, add members, record attendance and outcomes.</summary>
public static class AcademiesApi
{
    public static IEndpointRouteBuilder MapAcademiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/academies").WithTags("Programmes").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", (JsonBody<CreateAcademy> body, AcademyCreation creation, CancellationToken ct) =>
            body.ThenAsync(async r => (await creation.CreateAsync(r, ct)).ToCreated(a => $"/api/academies/{a.Id}", a => a)))
            .RequireAuthorization(StaffPolicies.Administration).ProducesCreated<Academy>();
        group.MapGet("", async (ProgrammeQueries programmes, CancellationToken ct) => TypedResults.Ok(await programmes.AcademiesAsync(ct)));
        group.MapGet("/{id}", async (string id, ProgrammeQueries programmes, CancellationToken ct) => (await programmes.AcademyAsync(id, ct)).ToHttp(a => a))
            .Produces<AcademyDetails>();
        group.MapPost("/{id}/members", (string id, JsonBody<AddMember> body, CandidateAssignments assignments, CancellationToken ct) =>
            body.ThenAsync(async r => (await assignments.AddToAcademyAsync(id, r, ct)).ToCreated(_ => $"/api/academies/{id}", CandidatesApi.Assigned)))
            .ProducesCreated<CandidateAssigned>();
        group.MapPost("/{id}/attendance", (string id, JsonBody<RecordAttendance> body, AcademyAttendance attendance, CancellationToken ct) =>
            body.ThenAsync(async r => (await attendance.RecordAsync(id, r, ct)).ToHttp(a =>
                new AttendanceRecorded(a.Value.CandidateId, a.Value.Date, a.Value.Attended, a.Said))))
            .Produces<AttendanceRecorded>();
        group.MapPost("/{id}/outcomes", (string id, JsonBody<RecordAcademyOutcome> body, AcademyOutcomes outcomes, CancellationToken ct) =>
            body.ThenAsync(async r => (await outcomes.RecordAsync(id, r, ct)).ToHttp(o =>
                new AcademyOutcomeRecorded(r.CandidateId, o.Value.Outcome, o.Value.Offer, o.Said))))
            .Produces<AcademyOutcomeRecorded>();
        return app;
    }
}

/// <summary>A session's attendance as recorded: "Recorded" the first time, "AlreadyRecorded" for a repeat.</summary>
public sealed record AttendanceRecorded(string? CandidateId, string? Date, bool? Attended, string Status);

/// <summary>An academy outcome as recorded: "Recorded" the first time, "AlreadyRecorded" for a repeat.</summary>
public sealed record AcademyOutcomeRecorded(string? CandidateId, SwapOutcome Outcome, SwapOffer Offer, string Status);
