using Apprenticeships.Functions.Security;
using System.Security.Cryptography;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Functions.Candidates;
using Apprenticeships.Functions.Models;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Http.Programmes;

/// <summary>Apprenticeship cohorts: create and list them, accept candidates into them.</summary>
public static class CohortsApi
{
    public static IEndpointRouteBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cohorts").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", CreateAsync).RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (CohortStore cohorts, CancellationToken ct) => Results.Ok((await cohorts.ListAsync(ct)).OrderBy(c => c.StartDate)));
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/members", AddMemberAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(JsonBody<CreateCohortRequest> body, CohortStore cohorts, ProviderStore providers,
        LevyEmployerRepository employers, FundingPolicy policy, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = r.Id is null ? $"k-{RandomNumberGenerator.GetHexString(8, lowercase: true)}" : errors.Id("id", r.Id, "Cohort id");
        var name = errors.Text("name", r.Name, "Name", 120);
        var standard = errors.Text("standardName", r.StandardName, "Standard", 120);
        var employerId = errors.Id("employerId", r.EmployerId, "Employer id");
        var providerId = errors.Id("providerId", r.ProviderId, "Provider id");
        var start = errors.Date("startDate", r.StartDate, "Start date");
        var months = errors.Required("durationMonths", r.DurationMonths, "Duration in months");
        var price = errors.Required("agreedPrice", r.AgreedPrice, "Agreed price");
        var band = errors.Required("fundingBandMaximum", r.FundingBandMaximum, "Funding band maximum");
        if (band is { } b && start is { } s && (b < policy.FundingBandFloor.At(s) || b > policy.FundingBandCeiling.At(s)))
            errors.Add("fundingBandMaximum", $"Funding band maximum must be from {policy.FundingBandFloor.At(s):0} to {policy.FundingBandCeiling.At(s):0}.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var cohort = new Cohort(id!, name!, standard!, employerId!, providerId!, start!.Value, months!.Value, price!.Value, band!.Value);
        var rules = CohortRules.Check(cohort, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (rules.Count > 0) return TypedResults.ValidationProblem(rules);
        if (await employers.FindAsync(cohort.EmployerId, ct) is null) return ProblemResults.NotFound("employerId", $"No employer '{cohort.EmployerId}' (add it under /api/finance/employers).");
        if (await providers.GetAsync(cohort.ProviderId, ct) is null) return ProblemResults.NotFound("providerId", $"No provider '{cohort.ProviderId}'.");
        if (!await cohorts.AddAsync(cohort.Id, cohort, ct)) return ProblemResults.Conflict("id", $"Cohort '{cohort.Id}' already exists.");
        return TypedResults.Created($"/api/cohorts/{cohort.Id}", cohort);
    }

    private static async Task<IResult> GetAsync(string id, CohortStore cohorts, CandidateStore candidates, ProgrammeRecords records, CancellationToken ct)
    {
        var cohort = await cohorts.GetAsync(id, ct);
        if (cohort is null) return ProblemResults.NotFound("id", $"No cohort '{id}'.");
        var members = await AcademiesApi.ProgressOfAsync(await candidates.InProgrammeAsync(null, id, ct), records,
            r => r.Kind is RecordKind.ApprenticeshipStart or RecordKind.Confirmation or RecordKind.Achievement, ct);
        return TypedResults.Ok(new CohortDetails(cohort, cohort.PlannedEndDate, members));
    }

    private static async Task<IResult> AddMemberAsync(string id, JsonBody<AddMemberRequest> body, CohortStore cohorts, CandidateAssignments assignments, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", r.CandidateId, "Candidate id");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await cohorts.GetAsync(id, ct) is null) return ProblemResults.NotFound("id", $"No cohort '{id}'.");
        var (outcome, candidate) = await assignments.AssignAsync(candidateId!, new Assignment(AssignmentKind.Cohort, id, null), 0, null, ct);
        return AcademiesApi.Assigned(outcome, candidate, candidateId!, $"/api/cohorts/{id}");
    }
}
