using Apprenticeships.Functions.Security;
using System.Security.Cryptography;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Activities;
using Apprenticeships.Functions.Candidates;
using Apprenticeships.Functions.Models;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Http.Programmes;

/// <summary>Sector-based work academies: create and list them, add members, record attendance and outcomes.</summary>
public static class AcademiesApi
{
    public static IEndpointRouteBuilder MapAcademiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/academies").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", CreateAsync).RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (AcademyStore academies, CancellationToken ct) => Results.Ok((await academies.ListAsync(ct)).OrderBy(a => a.Starts)));
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/members", AddMemberAsync);
        group.MapPost("/{id}/attendance", RecordAttendanceAsync);
        group.MapPost("/{id}/outcomes", RecordOutcomeAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(JsonBody<CreateAcademyRequest> body, AcademyStore academies, ProviderStore providers, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = r.Id is null ? $"a-{RandomNumberGenerator.GetHexString(8, lowercase: true)}" : errors.Id("id", r.Id, "Academy id");
        var name = errors.Text("name", r.Name, "Name", 120);
        var employer = errors.Text("employerName", r.EmployerName, "Employer name", 120);
        var sector = errors.Text("sector", r.Sector, "Sector", 80);
        var providerId = errors.Id("providerId", r.ProviderId, "Provider id");
        var place = errors.Text("place", r.Place, "Place", 200);
        var sessions = new List<DateOnly>();
        if (r.Sessions is not { Count: > 0 }) errors.Add("sessions", "Add at least one pre-employment session date.");
        else foreach (var s in r.Sessions) if (errors.Date("sessions", s, "Each session") is { } day) sessions.Add(day);
        var placementStart = errors.Date("placementStart", r.PlacementStart, "Placement start");
        var placementEnd = errors.Date("placementEnd", r.PlacementEnd, "Placement end");
        var interview = errors.Date("interviewDate", r.InterviewDate, "Interview date");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var academy = new Academy(id!, name!, employer!, sector!, providerId!, place!, sessions.Order().ToList(),
            placementStart!.Value, placementEnd!.Value, interview!.Value, r.CostPerPlace ?? 0);
        var rules = AcademyRules.Check(academy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (rules.Count > 0) return TypedResults.ValidationProblem(rules);
        if (await providers.GetAsync(academy.ProviderId, ct) is null) return ProblemResults.NotFound("providerId", $"No provider '{academy.ProviderId}'.");
        if (!await academies.AddAsync(academy.Id, academy, ct)) return ProblemResults.Conflict("id", $"Academy '{academy.Id}' already exists.");
        return TypedResults.Created($"/api/academies/{academy.Id}", academy);
    }

    private static async Task<IResult> GetAsync(string id, AcademyStore academies, CandidateStore candidates, ProgrammeRecords records, CancellationToken ct)
    {
        var academy = await academies.GetAsync(id, ct);
        if (academy is null) return ProblemResults.NotFound("id", $"No academy '{id}'.");
        var members = await ProgressOfAsync(await candidates.InProgrammeAsync(id, null, ct), records, r => r.ProgrammeId == id || r.Kind == RecordKind.Attendance && r.Key.Contains(id), ct);
        return TypedResults.Ok(new AcademyDetails(academy, members));
    }

    internal static async Task<List<MemberProgress>> ProgressOfAsync(List<Candidate> members, ProgrammeRecords records, Func<ProgrammeRecord, bool> relevant, CancellationToken ct)
    {
        var progress = new List<MemberProgress>();
        foreach (var c in members)
        {
            var facts = (await records.ForCandidateAsync(c.Id, ct)).Where(relevant).OrderBy(r => r.At).Select(RecordDescriptions.Describe).ToList();
            progress.Add(new MemberProgress(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.StageChangedAt, facts));
        }
        return progress;
    }

    private static async Task<IResult> AddMemberAsync(string id, JsonBody<AddMemberRequest> body, AcademyStore academies, CandidateAssignments assignments, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", r.CandidateId, "Candidate id");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var academy = await academies.GetAsync(id, ct);
        if (academy is null) return ProblemResults.NotFound("id", $"No academy '{id}'.");
        var (outcome, candidate) = await assignments.AssignAsync(candidateId!, new Assignment(AssignmentKind.Academy, id, null), academy.CostPerPlace, null, ct);
        return Assigned(outcome, candidate, candidateId!, $"/api/academies/{id}");
    }

    internal static IResult Assigned(AssignOutcome outcome, Candidate? candidate, string candidateId, string location) => outcome switch
    {
        AssignOutcome.Assigned => TypedResults.Created(location, new { candidateId, stage = candidate!.Stage }),
        AssignOutcome.NoCandidate => ProblemResults.NotFound("candidateId", $"No candidate '{candidateId}'."),
        AssignOutcome.AlreadyTookPart => ProblemResults.Conflict("candidateId", "The candidate has already taken part in this academy."),
        _ => ProblemResults.Conflict("candidateId", candidate!.Stage == CandidateStage.Engaged
            ? "The candidate is already assigned."
            : $"Only engaged candidates can be assigned; this one is {candidate.Stage}."),
    };

    private static async Task<IResult> RecordAttendanceAsync(string id, JsonBody<AttendanceRequest> body, AcademyStore academies,
        CandidateStore candidates, ProgrammeRecords records, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", r.CandidateId, "Candidate id");
        var date = errors.Date("date", r.Date, "Session date");
        var attended = errors.Required("attended", r.Attended, "Attended");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var academy = await academies.GetAsync(id, ct);
        if (academy is null) return ProblemResults.NotFound("id", $"No academy '{id}'.");
        var problem = await AttendanceProblemAsync(academy, candidateId!, date!.Value, candidates, ct);
        if (problem is not null) return problem;
        return await SaveAttendanceAsync(records, candidateId!, academy.Id, date.Value, attended!.Value, clock, ct) switch
        {
            SaveResult.Conflict => ProblemResults.Conflict("attended", "Attendance for that session is already recorded differently."),
            var saved => TypedResults.Ok(new { candidateId, date, attended, status = saved.ToString() }),
        };
    }

    /// <summary>Why attendance cannot be recorded for this candidate and session, or null.</summary>
    private static async Task<IResult?> AttendanceProblemAsync(Academy academy, string candidateId, DateOnly date, CandidateStore candidates, CancellationToken ct)
    {
        if (!academy.Sessions.Contains(date)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [$"Academy {academy.Id} has no session on {date:yyyy-MM-dd}."] });
        var candidate = await candidates.GetAsync(candidateId, ct);
        if (candidate?.AcademyId != academy.Id) return ProblemResults.NotFound("candidateId", $"Candidate '{candidateId}' is not a member of academy {academy.Id}.");
        return null;
    }

    internal static Task<SaveResult> SaveAttendanceAsync(ProgrammeRecords records, string candidateId, string academyId, DateOnly date, bool attended, TimeProvider clock, CancellationToken ct) =>
        records.AddAsync(new ProgrammeRecord(candidateId, CheckAttendance.Key(academyId, date), RecordKind.Attendance, clock.GetUtcNow())
        {
            ProgrammeId = academyId, Date = date, Value = attended ? CheckAttendance.Present : CheckAttendance.Absent,
        }, ct);

    private static async Task<IResult> RecordOutcomeAsync(string id, JsonBody<SwapOutcomeRequest> body, AcademyStore academies,
        CandidateStore candidates, ProgrammeRecords records, DurableTaskClient workflows, TimeProvider clock, CancellationToken ct)
    {
        if (!body.TryGet(out var r, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", r.CandidateId, "Candidate id");
        var outcome = errors.Required("outcome", r.Outcome, "Outcome");
        var offer = r.Offer ?? SwapOffer.None;
        if (outcome == SwapOutcome.DidNotComplete) errors.Text("reason", r.Reason, "The reason they did not complete", 500);
        else if (r.Reason is { Length: > 500 }) errors.Add("reason", "Reason must be at most 500 characters.");
        if (outcome is not null and not SwapOutcome.CompletedSuccessful && offer != SwapOffer.None)
            errors.Add("offer", "Only a successful interview comes with a job or apprenticeship offer.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await academies.GetAsync(id, ct) is null) return ProblemResults.NotFound("id", $"No academy '{id}'.");
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate?.AcademyId != id) return ProblemResults.NotFound("candidateId", $"Candidate '{candidateId}' is not a member of academy {id}.");
        if (candidate.Stage != CandidateStage.InSwap && await records.GetAsync(candidateId!, CandidateAssignments.SwapOutcomeKey(id), ct) is null)
            return ProblemResults.Conflict("candidateId", $"The candidate is {candidate.Stage}, not on the academy.");

        var why = offer != SwapOffer.None ? $"Offer: {offer}" : r.Reason?.Trim() is { Length: > 0 } reason ? reason : null;
        var saved = await records.AddAsync(new ProgrammeRecord(candidateId!, CandidateAssignments.SwapOutcomeKey(id), RecordKind.SwapOutcome, clock.GetUtcNow())
        {
            ProgrammeId = id, Value = outcome.ToString(), Reason = why,
        }, ct);
        if (saved == SaveResult.Conflict) return ProblemResults.Conflict("outcome", "A different outcome is already recorded for this candidate.");
        try
        {
            await workflows.RaiseEventAsync(Instances.Swap(candidateId!, id), Events.SwapOutcome, new SwapResult(outcome!.Value, offer), eventId: "outcome", ct);
        }
        catch (InstanceNotFoundException)
        {
            return ProblemResults.Conflict("candidateId", "The candidate's academy workflow is still starting; try again in a moment.");
        }
        return TypedResults.Ok(new { candidateId, outcome, offer, status = saved.ToString() });
    }
}
