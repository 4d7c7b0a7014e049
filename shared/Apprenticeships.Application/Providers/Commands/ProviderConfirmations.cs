using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Providers.Commands;

/// <summary>What a provider confirms about one of their learners, under their own reference.</summary>
public sealed record ConfirmTraining(
    string? Reference, string? CandidateId, ConfirmationKind? Kind, string? Date, bool? Attended, decimal? Hours, string? Detail, EpaGrade? Grade);

/// <summary>A confirmation as recorded: "Recorded" the first time, "AlreadyRecorded" for a repeat.</summary>
public sealed record ConfirmationRecorded(string Reference, string CandidateId, ConfirmationKind Kind, string Status);

/// <summary>
/// A provider confirms attendance, a milestone, off-the-job hours, gateway, an EPA result or a break
/// for one of their own learners: checked, recorded once per the provider's reference, and the
/// learner's training workflow told. The API (key in a header) and the provider portal both use it.
/// </summary>
public sealed class ProviderConfirmations(CandidateStore candidates, AcademyStore academies, CohortStore cohorts,
    ProgrammeRecords records, AcademyAttendance attendance, IWorkflows workflows, TimeProvider clock)
{
    public const int LongestDetail = InputLimits.Detail;

    public async Task<Result<ConfirmationRecorded>> ConfirmAsync(ProviderAccount provider, ConfirmTraining r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reference = errors.Id("reference", r.Reference, "Your reference for this confirmation");
        var candidateId = errors.Id("candidateId", r.CandidateId, "Candidate id");
        var kind = errors.Defined("kind", errors.Required("kind", r.Kind, "Kind"), "Kind");
        var date = errors.Date("date", r.Date, "Date");
        if (date > clock.Today()) errors.Add("date", "A confirmation cannot be dated in the future.");
        switch (kind)
        {
            case ConfirmationKind.Attendance: errors.Required("attended", r.Attended, "Attended"); break;
            case ConfirmationKind.OffTheJobHours when r.Hours is not (> 0 and <= 1000): errors.Add("hours", "Hours must be more than 0 and at most 1000."); break;
            case ConfirmationKind.Milestone: errors.Text("detail", r.Detail, "The milestone", LongestDetail); break;
            case ConfirmationKind.EpaResult: errors.Required("grade", r.Grade, "Grade"); break;
        }
        errors.Defined("grade", r.Grade, "Grade");
        if (!errors.Has("detail")) errors.OptionalText("detail", r.Detail, "Detail", LongestDetail);
        if (errors.Any) return errors.ToProblem();

        // One answer for "no such learner" and "not yours", so a key cannot probe other providers' learners.
        var notYours = Problem.Forbidden("candidateId", $"Candidate '{candidateId}' is not one of {provider.Name}'s learners.");
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate is null) return notYours;
        var isAttendance = kind == ConfirmationKind.Attendance;
        var academy = isAttendance && candidate.AcademyId is { } a ? await academies.GetAsync(a, ct) : null;
        var programmeProvider = isAttendance
            ? academy?.ProviderId
            : candidate.CohortId is { } k ? (await cohorts.GetAsync(k, ct))?.ProviderId : null;
        if (programmeProvider != provider.Id) return notYours;

        var key = RecordKeys.Confirmation(provider.Id, reference!);
        if (academy is not null)
        {
            if (!academy.Sessions.Contains(date!.Value)) return AcademyAttendance.NoSession(academy, date.Value);
            if (await attendance.SaveAsync(academy, candidate.Id, date.Value, r.Attended!.Value, ct) == SaveResult.Conflict)
                return Problem.Conflict("attended", "Attendance for that session is already recorded differently.");
        }
        else if (candidate.Stage != CandidateStage.InTraining && await records.GetAsync(candidate.Id, key, ct) is null)
        {
            return Problem.Conflict("candidateId", $"The candidate's training has not started (they are {candidate.Stage.Describe()}).");
        }

        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, key, RecordKind.Confirmation, clock.GetUtcNow())
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
        if (saved == SaveResult.Conflict) return Problem.Conflict("reference", $"Reference '{reference}' was already used for a different confirmation.");

        // Told again even when already recorded (the first attempt may have stopped before this); the reference makes it one event.
        if (!isAttendance)
            await workflows.ConfirmTrainingAsync(candidate.Id, new TrainingConfirmation(kind!.Value, date!.Value, r.Grade), key, ct);
        var created = saved == SaveResult.Created;
        return Result<ConfirmationRecorded>.Ok(new(reference!, candidate.Id, kind!.Value, created ? "Recorded" : "AlreadyRecorded"), created);
    }
}
