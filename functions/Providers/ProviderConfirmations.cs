using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Http;
using Apprenticeships.Functions.Http.Programmes;
using Apprenticeships.Functions.Models;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Providers;

/// <summary>How a provider's confirmation went: field errors (400), a refusal naming the field, or recorded.</summary>
public sealed record ConfirmationResult(Dictionary<string, string[]>? Errors, int Status, string? Field, string? Detail, ConfirmationResponse? Response)
{
    public static ConfirmationResult Invalid(Dictionary<string, string[]> errors) => new(errors, StatusCodes.Status400BadRequest, null, null, null);
    public static ConfirmationResult Refused(int status, string field, string detail) => new(null, status, field, detail, null);

    /// <summary>The refusal or errors keyed by field, for a form.</summary>
    public Dictionary<string, string[]> FieldErrors() => Errors ?? (Field is null ? [] : new() { [Field] = [Detail!] });
}

/// <summary>
/// A provider confirms attendance, a milestone, off-the-job hours, gateway, an EPA result or a break
/// for one of their own learners: checked, recorded once per the provider's reference, and the
/// learner's training workflow told. The API (key in a header) and the provider portal both use it.
/// </summary>
public sealed class ProviderConfirmations(CandidateStore candidates, AcademyStore academies, CohortStore cohorts,
    ProgrammeRecords records, DurableTaskClient workflows, TimeProvider clock)
{
    public async Task<ConfirmationResult> ConfirmAsync(ProviderAccount provider, ConfirmationRequest r, CancellationToken ct)
    {
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
        if (errors.Any) return ConfirmationResult.Invalid(errors.ToDictionary());

        // One answer for "no such learner" and "not yours", so a key cannot probe other providers' learners.
        var notYours = ConfirmationResult.Refused(StatusCodes.Status403Forbidden, "candidateId", $"Candidate '{candidateId}' is not one of {provider.Name}'s learners.");
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate is null) return notYours;
        var isAttendance = kind == ConfirmationKind.Attendance;
        var academy = isAttendance && candidate.AcademyId is { } a ? await academies.GetAsync(a, ct) : null;
        var programmeProvider = isAttendance
            ? academy?.ProviderId
            : candidate.CohortId is { } k ? (await cohorts.GetAsync(k, ct))?.ProviderId : null;
        if (programmeProvider != provider.Id) return notYours;

        if (academy is not null)
        {
            if (!academy.Sessions.Contains(date!.Value))
                return ConfirmationResult.Invalid(new() { ["date"] = [$"Academy {academy.Id} has no session on {date:yyyy-MM-dd}."] });
            if (await AcademiesApi.SaveAttendanceAsync(records, candidate.Id, academy.Id, date.Value, r.Attended!.Value, clock, ct) == SaveResult.Conflict)
                return ConfirmationResult.Refused(StatusCodes.Status409Conflict, "attended", "Attendance for that session is already recorded differently.");
        }
        else if (candidate.Stage != CandidateStage.InTraining && await records.GetAsync(candidate.Id, Key(provider.Id, reference!), ct) is null)
        {
            return ConfirmationResult.Refused(StatusCodes.Status409Conflict, "candidateId", $"The candidate's training has not started (they are {candidate.Stage}).");
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
        if (saved == SaveResult.Conflict) return ConfirmationResult.Refused(StatusCodes.Status409Conflict, "reference", $"Reference '{reference}' was already used for a different confirmation.");

        if (!isAttendance)
        {
            // Sent again even when already recorded (the first attempt may have stopped before this); the event id makes it one event.
            await workflows.RaiseEventAsync(Instances.Training(Instances.Commitment(candidate.Id)), Events.Confirmation,
                new TrainingConfirmation(kind!.Value, date!.Value, r.Grade), eventId: Key(provider.Id, reference!), ct);
        }
        var created = saved == SaveResult.Created;
        return new ConfirmationResult(null, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, null, null,
            new ConfirmationResponse(reference!, candidate.Id, kind!.Value, created ? "Recorded" : "AlreadyRecorded"));
    }

    private static string Key(string providerId, string reference) => $"confirmation-{providerId}-{reference}";
}
