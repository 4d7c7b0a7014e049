using Microsoft.AspNetCore.Mvc;

namespace Apprenticeships.Functions.Http.Candidates;

/// <summary>Advisors' API: enrol candidates from referrals, find them, follow them, record job starts and sustainment, withdraw them.</summary>
public static class CandidatesApi
{
    public static IEndpointRouteBuilder MapCandidatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candidates").WithTags("Candidates").RequireAuthorization(StaffPolicies.Candidates).AddEndpointFilter<PersonalDataAudit>();
        // A retry (same Idempotency-Key, or without one the same referral the same day) answers 200 with the candidate already enrolled.
        group.MapPost("", (JsonBody<EnrolCandidate> body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CandidateEnrolment enrolment, CancellationToken ct) =>
            body.ThenAsync(async r => (await enrolment.EnrolAsync(r, ct, idempotencyKey)).ToCreated(c => $"/api/candidates/{c.Id}", CandidateSummary.Of)))
            .ProducesCreated<CandidateSummary>();
        group.MapGet("", async (string? stage, string? q, CandidateQueries candidates, CancellationToken ct) =>
            (await candidates.FindAsync(stage, q, ct)).ToHttp(found => found.Select(CandidateSummary.Of).ToList()))
            .Produces<List<CandidateSummary>>();
        group.MapGet("/{id}", async (string id, CandidateQueries candidates, CancellationToken ct) =>
            (await candidates.WithJourneyAsync(id, ct)).ToHttp(CandidateDetails.Of))
            .Produces<CandidateDetails>();
        group.MapGet("/{id}/timeline", async (string id, CandidateQueries candidates, CancellationToken ct) =>
            (await candidates.HistoryAsync(id, ct)).ToHttp(events => new TimelineResponse(id, events)))
            .Produces<TimelineResponse>();
        group.MapPost("/{id}/withdraw", (string id, JsonBody<WithdrawCandidate> body, CandidateWithdrawal withdrawal, CancellationToken ct) =>
            body.ThenAsync(async r => (await withdrawal.WithdrawAsync(id, r, ct)).ToHttp(CandidateSummary.Of)))
            .Produces<CandidateSummary>();
        group.MapPost("/{id}/erase", (HttpContext http, string id, JsonBody<EraseCandidate> body, CandidateErasure erasure, CancellationToken ct) =>
                body.ThenAsync(async r => (await erasure.EraseAsync(id, r, http.User.FindFirst(StaffClaims.Id)?.Value ?? "unknown", ct)).ToHttp(e => new CandidateErased(e.CandidateId, e.At))))
            .RequireAuthorization(StaffPolicies.Administration).Produces<CandidateErased>();
        group.MapPost("/{id}/journey/retry", async (string id, JourneyRetry retry, CancellationToken ct) =>
            (await retry.RetryAsync(id, ct)).ToHttp(CandidateSummary.Of))
            .Produces<CandidateSummary>();
        group.MapPost("/{id}/job-start", (string id, JsonBody<RecordJobStart> body, CandidateAssignments assignments, CancellationToken ct) =>
            body.ThenAsync(async r => (await assignments.RecordJobStartAsync(id, r, ct)).ToCreated(_ => $"/api/candidates/{id}", Assigned)))
            .ProducesCreated<CandidateAssigned>();
        group.MapPost("/{id}/sustainment", (string id, JsonBody<RecordSustainment> body, SustainmentAnswers answers, CancellationToken ct) =>
            body.ThenAsync(async r => (await answers.RecordAsync(id, r, ct)).ToHttp(a =>
                new SustainmentRecorded(id, a.Value.Week, a.Value.InWork, a.Said))))
            .Produces<SustainmentRecorded>();
        return app;
    }

    /// <summary>The answer to an assignment: who, and the stage they are now at.</summary>
    public static CandidateAssigned Assigned(Candidate c) => new(c.Id, c.Stage);
}
