using Apprenticeships.Functions.Security;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Models;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Functions.Providers;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

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
        var group = app.MapGroup("/api/providers");
        group.MapPost("", RegisterAsync).RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (ProviderStore providers, CancellationToken ct) =>
            Results.Ok((await providers.ListAsync(ct)).OrderBy(p => p.Name).Select(p => new ProviderSummary(p.Id, p.Name, p.KeyIssuedAt))))
            .RequireAuthorization(StaffPolicies.Administration);
        // Public to sign-in: a provider proves who they are with their key (X-Provider-Key), checked in the handler.
        group.MapGet("/learners", LearnersAsync).AllowAnonymous();
        group.MapPost("/confirmations", ConfirmAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> RegisterAsync(JsonBody<RegisterProviderRequest> body, ProviderKeys keys, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = errors.Id("id", r.Id, "Provider id");
        var name = errors.Text("name", r.Name, "Name", 120);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var registered = await keys.RegisterAsync(id!, name!, ct);
        if (registered is not var (account, key)) return ProblemResults.Conflict("id", $"Provider '{id}' already exists.");
        return TypedResults.Created($"/api/providers/{id}", new ProviderRegistered(account.Id, account.Name, key));
    }

    private static async Task<IResult> LearnersAsync(HttpRequest request, ProviderKeys keys, CandidateStore candidates,
        AcademyStore academies, CohortStore cohorts, CancellationToken ct)
    {
        if (await keys.VerifyAsync(request.Headers[ProviderKeys.Header], ct) is not { } provider) return NoKey();
        var academyIds = (await academies.ListAsync(ct)).Where(a => a.ProviderId == provider.Id).Select(a => a.Id).ToHashSet();
        var cohortIds = (await cohorts.ListAsync(ct)).Where(c => c.ProviderId == provider.Id).Select(c => c.Id).ToHashSet();
        var learners = (await candidates.ListAsync(null, null, ct))
            .Where(c => !c.Stage.IsClosed() && (c.AcademyId is { } a && academyIds.Contains(a) || c.CohortId is { } k && cohortIds.Contains(k)))
            .Select(c => new ProviderLearner(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.AcademyId, c.CohortId));
        return TypedResults.Ok(learners);
    }

    private static async Task<IResult> ConfirmAsync(HttpRequest request, JsonBody<ConfirmationRequest> body, ProviderKeys keys,
        CandidateStore candidates, AcademyStore academies, CohortStore cohorts, ProgrammeRecords records, DurableTaskClient workflows,
        TimeProvider clock, CancellationToken ct)
    {
        if (await keys.VerifyAsync(request.Headers[ProviderKeys.Header], ct) is not { } provider) return NoKey();
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var reference = errors.Id("reference", r.Reference, "Your reference for this confirmation");
        var candidateId = errors.Id("candidateId", r.CandidateId, "Candidate id");
        var kind = errors.Required("kind", r.Kind, "Kind");
        var date = errors.Date("date", r.Date, "Date");
        if (date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors.Add("date", "A confirmation cannot be dated in the future.");
        switch (kind)
        {
            case ConfirmationKind.Attendance: errors.Required("attended", r.Attended, "Attended"); break;
            case ConfirmationKind.OffTheJobHours when r.Hours is not (> 0 and <= 1000): errors.Add("hours", "Hours must be more than 0 and at most 1000."); break;
            case ConfirmationKind.Milestone: errors.Text("detail", r.Detail, "The milestone", 200); break;
            case ConfirmationKind.EpaResult: errors.Required("grade", r.Grade, "Grade"); break;
        }
        if (r.Detail is { Length: > 200 }) errors.Add("detail", "Detail must be at most 200 characters.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        // One answer for "no such learner" and "not yours", so a key cannot probe other providers' learners.
        var notYours = ProblemResults.Forbidden("candidateId", $"Candidate '{candidateId}' is not one of {provider.Name}'s learners.");
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate is null) return notYours;
        var isAttendance = kind == ConfirmationKind.Attendance;
        var programmeProvider = isAttendance
            ? candidate.AcademyId is { } a ? (await academies.GetAsync(a, ct))?.ProviderId : null
            : candidate.CohortId is { } k ? (await cohorts.GetAsync(k, ct))?.ProviderId : null;
        if (programmeProvider != provider.Id) return notYours;

        if (isAttendance)
        {
            var academy = (await academies.GetAsync(candidate.AcademyId!, ct))!;
            if (await AcademiesApi.AttendanceProblemAsync(academy, candidate.Id, date!.Value, candidates, ct) is { } problem) return problem;
            if (await AcademiesApi.SaveAttendanceAsync(records, candidate.Id, academy.Id, date.Value, r.Attended!.Value, clock, ct) == SaveResult.Conflict)
                return ProblemResults.Conflict("attended", "Attendance for that session is already recorded differently.");
        }
        else if (candidate.Stage != CandidateStage.InTraining && await records.GetAsync(candidate.Id, Key(provider.Id, reference!), ct) is null)
        {
            return ProblemResults.Conflict("candidateId", $"The candidate's training has not started (they are {candidate.Stage}).");
        }

        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, Key(provider.Id, reference!), RecordKind.Confirmation, clock.GetUtcNow())
        {
            ProgrammeId = provider.Id, Value = kind.ToString(), Date = date,
            Reason = kind switch
            {
                ConfirmationKind.Attendance => r.Attended == true ? "attended" : "did not attend",
                ConfirmationKind.OffTheJobHours => $"{r.Hours} hours{(r.Detail is null ? "" : $", {r.Detail}")}",
                ConfirmationKind.EpaResult => $"{r.Grade}{(r.Detail is null ? "" : $", {r.Detail}")}",
                _ => r.Detail,
            },
            Amount = r.Hours,
        }, ct);
        if (saved == SaveResult.Conflict) return ProblemResults.Conflict("reference", $"Reference '{reference}' was already used for a different confirmation.");

        if (!isAttendance)
        {
            // Sent again even when already recorded (the first attempt may have stopped before this); the event id makes it one event.
            await workflows.RaiseEventAsync(Instances.Training(Instances.Commitment(candidate.Id)), Events.Confirmation,
                new TrainingConfirmation(kind!.Value, date!.Value, r.Grade), eventId: Key(provider.Id, reference!), ct);
        }
        var response = new ConfirmationResponse(reference!, candidate.Id, kind!.Value, saved == SaveResult.Created ? "Recorded" : "AlreadyRecorded");
        return saved == SaveResult.Created ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
    }

    private static string Key(string providerId, string reference) => $"confirmation-{providerId}-{reference}";

    private static IResult NoKey() => ProblemResults.Unauthorized(ProviderKeys.Header, $"Send your provider API key in the {ProviderKeys.Header} header.");
}
