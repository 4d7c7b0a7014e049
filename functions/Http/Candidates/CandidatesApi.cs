using Apprenticeships.Functions.Security;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Durable.Client;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable;
using Apprenticeships.Functions.Candidates;
using Apprenticeships.Functions.Models;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Candidates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http.Candidates;

/// <summary>Advisors' API: enrol candidates from referrals, find them, follow and withdraw them.</summary>
public static class CandidatesApi
{
    public static IEndpointRouteBuilder MapCandidatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candidates").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", EnrolAsync);
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/timeline", TimelineAsync);
        group.MapPost("/{id}/withdraw", WithdrawAsync);
        group.MapPost("/{id}/job-start", JobStartAsync);
        group.MapPost("/{id}/sustainment", SustainmentAsync);
        return app;
    }

    private static async Task<Results<Created<CandidateSummary>, ValidationProblem>> EnrolAsync(
        JsonBody<ReferralRequest> body, CandidateEnrolment enrolment, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var referral = request.ToReferral();
        var errors = ReferralRules.Validate(referral, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var candidate = await enrolment.EnrolAsync(referral, ct);
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
        var journey = await workflows.GetInstanceAsync(Instances.Journey(id), getInputsAndOutputs: false, ct);
        return TypedResults.Ok(CandidateDetails.Of(candidate, journey?.RuntimeStatus.ToString(), journey?.ReadCustomStatusAs<System.Text.Json.JsonElement?>()));
    }

    /// <summary>The journey's stage changes with the programme facts (attendance, outcomes, confirmations) in time order.</summary>
    private static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> TimelineAsync(
        string id, CandidateStore candidates, CandidateHistory history, CancellationToken ct)
    {
        if (await candidates.GetAsync(id, ct) is null) return ProblemResults.NotFound("id", $"No candidate '{id}'.");
        var (stages, events) = await history.ReadAsync(id, ct);
        return TypedResults.Ok(new TimelineResponse(id, stages, events));
    }

    private static async Task<Results<Ok<CandidateSummary>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string id, JsonBody<WithdrawRequest> body, CandidateStore candidates, CandidateWithdrawal withdrawal, CancellationToken ct)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Give the reason for withdrawal (up to 500 characters)."] });
        var candidate = await candidates.GetAsync(id, ct);
        if (candidate is null) return ProblemResults.NotFound("id", $"No candidate '{id}'.");
        if (candidate.Stage.IsClosed()) return ProblemResults.Conflict("id", $"Candidate '{id}' is already closed ({candidate.Stage}).");

        var moved = await withdrawal.WithdrawAsync(candidate, request.Reason.Trim(), $"Withdrawn by their advisor: {request.Reason.Trim()}", ct);
        return TypedResults.Ok(CandidateSummary.Of(moved!));
    }

    private static async Task<IResult> JobStartAsync(string id, JsonBody<JobStartRequest> body, CandidateAssignments assignments, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var start = errors.Date("startDate", request.StartDate, "Start date");
        var employer = errors.Text("employerName", request.EmployerName, "Employer name", 120);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (start is { } s && (s < today.AddDays(-JobStartWindowDays) || s > today.AddDays(JobStartWindowDays)))
            errors.Add("startDate", $"The start date must be within {JobStartWindowDays} days of today.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var (outcome, candidate) = await assignments.AssignAsync(id, new Assignment(AssignmentKind.Job, null, start), 0, employer, ct);
        return outcome == AssignOutcome.NoCandidate
            ? ProblemResults.NotFound("id", $"No candidate '{id}'.")
            : Http.Programmes.AcademiesApi.Assigned(outcome, candidate, id, $"/api/candidates/{id}");
    }

    /// <summary>A job start is recorded when it is known: up to three months either side of today.</summary>
    private const int JobStartWindowDays = 92;

    private static async Task<IResult> SustainmentAsync(string id, JsonBody<SustainmentRequest> body, CandidateStore candidates,
        ProgrammeRecords records, DurableTaskClient workflows, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var week = errors.Required("week", request.Week, "Week");
        if (week is not null && !SustainmentChecks.CheckWeeks.Contains(week.Value)) errors.Add("week", $"Week must be one of {string.Join(", ", SustainmentChecks.CheckWeeks)}.");
        var inWork = errors.Required("inWork", request.InWork, "In work");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var candidate = await candidates.GetAsync(id, ct);
        if (candidate is null) return ProblemResults.NotFound("id", $"No candidate '{id}'.");
        var job = await records.GetAsync(id, "job-start", ct);
        if (job?.Date is not { } started) return ProblemResults.Conflict("id", "The candidate has no job start recorded.");
        var due = started.AddDays(7 * week!.Value);
        if (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) < due) return ProblemResults.Conflict("week", $"The {week}-week check is due on {due:yyyy-MM-dd}.");

        var saved = await records.AddAsync(new ProgrammeRecord(id, $"sustainment-{week}", RecordKind.SustainmentCheck, clock.GetUtcNow())
        {
            Value = week.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason = inWork!.Value ? SustainmentChecks.InWork : SustainmentChecks.NotInWork,
        }, ct);
        if (saved == SaveResult.Conflict) return ProblemResults.Conflict("inWork", $"The {week}-week check is already recorded with the other answer.");
        try
        {
            await workflows.RaiseEventAsync(Orchestrations.Instances.Sustainment(id), Events.Sustainment(week.Value), new SustainmentAnswer(week.Value, inWork.Value), eventId: $"answer-{week}", ct);
        }
        catch (InstanceNotFoundException)
        {
            return ProblemResults.Conflict("id", "The candidate's sustainment workflow has not started yet; try again in a moment.");
        }
        return TypedResults.Ok(new { candidateId = id, week, inWork, status = saved.ToString() });
    }
}
