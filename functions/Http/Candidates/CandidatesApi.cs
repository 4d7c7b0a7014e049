using System.Security.Cryptography;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http.Candidates;

/// <summary>Advisors' API: enrol candidates from referrals, find them, follow and withdraw them.</summary>
public static class CandidatesApi
{
    public static IEndpointRouteBuilder MapCandidatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candidates");
        group.MapPost("", EnrolAsync);
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/timeline", TimelineAsync);
        group.MapPost("/{id}/withdraw", WithdrawAsync);
        return app;
    }

    private static async Task<Results<Created<CandidateSummary>, ValidationProblem>> EnrolAsync(
        JsonBody<ReferralRequest> body, CandidateStore candidates, DurableTaskClient workflows, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var referral = request.ToReferral();
        var now = clock.GetUtcNow();
        var errors = ReferralRules.Validate(referral, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var candidate = Candidate.Enrol($"c-{RandomNumberGenerator.GetHexString(10, lowercase: true)}", referral, now);
        await candidates.AddAsync(candidate, ct);
        await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(CandidateJourney), candidate.Id, CandidateJourney.InstanceId(candidate.Id), ct);
        return TypedResults.Created($"/api/candidates/{candidate.Id}", CandidateSummary.Of(candidate));
    }

    private static async Task<Results<Ok<List<CandidateSummary>>, ValidationProblem>> ListAsync(
        string? stage, string? q, CandidateStore candidates, CancellationToken ct)
    {
        CandidateStage? wanted = null;
        if (!string.IsNullOrEmpty(stage))
        {
            if (!Enum.TryParse<CandidateStage>(stage, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [$"Stage must be one of: {string.Join(", ", Enum.GetNames<CandidateStage>())}."] });
            wanted = parsed;
        }
        var found = await candidates.ListAsync(wanted, q, ct);
        return TypedResults.Ok(found.Select(CandidateSummary.Of).ToList());
    }

    private static async Task<Results<Ok<CandidateDetails>, ProblemHttpResult>> GetAsync(
        string id, CandidateStore candidates, DurableTaskClient workflows, CancellationToken ct)
    {
        var candidate = await candidates.GetAsync(id, ct);
        if (candidate is null) return ProblemResults.NotFound("id", $"No candidate '{id}'.");
        var journey = await workflows.GetInstanceAsync(CandidateJourney.InstanceId(id), getInputsAndOutputs: false, ct);
        return TypedResults.Ok(CandidateDetails.Of(candidate, journey?.RuntimeStatus.ToString()));
    }

    private static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> TimelineAsync(
        string id, CandidateStore candidates, CandidateTimeline timeline, CancellationToken ct)
    {
        if (await candidates.GetAsync(id, ct) is null) return ProblemResults.NotFound("id", $"No candidate '{id}'.");
        return TypedResults.Ok(new TimelineResponse(id, await timeline.ListAsync(id, ct)));
    }

    private static async Task<Results<Ok<CandidateSummary>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string id, JsonBody<WithdrawRequest> body, CandidateStore candidates, CandidateTimeline timeline,
        DurableTaskClient workflows, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Give the reason for withdrawal (up to 500 characters)."] });
        var candidate = await candidates.GetAsync(id, ct);
        if (candidate is null) return ProblemResults.NotFound("id", $"No candidate '{id}'.");
        if (candidate.Stage.IsClosed()) return ProblemResults.Conflict("id", $"Candidate '{id}' is already closed ({candidate.Stage}).");

        var now = clock.GetUtcNow();
        var moved = await candidates.MoveToAsync(id, CandidateStage.Withdrawn, now, request.Reason.Trim(), ct);
        await timeline.AddAsync(id, "withdrawn", new TimelineEntry(now, CandidateStage.Withdrawn, $"Withdrawn by their advisor: {request.Reason.Trim()}"), ct);
        var journey = await workflows.GetInstanceAsync(CandidateJourney.InstanceId(id), false, ct);
        if (journey is { IsRunning: true }) await workflows.TerminateInstanceAsync(journey.InstanceId, "withdrawn", ct);
        return TypedResults.Ok(CandidateSummary.Of(moved!));
    }
}
