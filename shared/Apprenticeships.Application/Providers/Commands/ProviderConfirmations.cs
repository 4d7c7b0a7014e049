using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Providers.Commands;

/// <summary>
/// What a provider confirms about one of their learners, under their own reference. A return from a
/// break in learning is on <see cref="Date"/> with the <see cref="NewPlannedEnd"/> agreed for the rest of the training.
/// </summary>
public sealed record ConfirmTraining(
    string? Reference, string? CandidateId, ConfirmationKind? Kind, string? Date, bool? Attended, decimal? Hours, string? Detail, EpaGrade? Grade,
    string? NewPlannedEnd = null);

/// <summary>A confirmation as recorded: "Recorded" the first time, "AlreadyRecorded" for a repeat.</summary>
public sealed record ConfirmationRecorded(string Reference, string CandidateId, ConfirmationKind Kind, string Status);

/// <summary>
/// A provider confirms attendance, a milestone, off-the-job hours, gateway, an EPA result, a break in
/// learning or the return from one for one of their own learners: checked, recorded once per the
/// provider's reference, and the learner's training workflow told. The API (key in a header) and the
/// provider portal both use it.
/// <para>
/// Breaks and returns come one at a time, as the provider has confirmed them (which is what the
/// training workflow acts on): a break only while the learner is in learning, a return only from
/// the break they are on, dated after it began, with a new planned end after the return and at most
/// <see cref="InputLimits.LongestPlannedYears"/> years on.
/// </para>
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
        var newEnd = kind == ConfirmationKind.ReturnFromBreak ? NewPlannedEnd(errors, date, r.NewPlannedEnd) : null;
        errors.Defined("grade", r.Grade, "Grade");
        if (!errors.Has("detail")) errors.OptionalText("detail", r.Detail, "Detail", LongestDetail);
        if (errors.Any) return errors.ToProblem();

        // One answer for "no such learner" and "not yours", so a key cannot probe other providers' learners.
        var notYours = Problem.Forbidden("candidateId", $"Candidate '{candidateId}' is not one of {provider.Name}'s learners.");
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate is null) return notYours;
        var isAttendance = kind == ConfirmationKind.Attendance;
        var academy = isAttendance && candidate.AcademyId is { } a ? await academies.GetAsync(a, ct) : null;
        var cohort = !isAttendance && candidate.CohortId is { } k ? await cohorts.GetAsync(k, ct) : null;
        var programmeProvider = isAttendance ? academy?.ProviderId : cohort?.ProviderId;
        if (programmeProvider != provider.Id) return notYours;

        var key = RecordKeys.Confirmation(provider.Id, reference!);
        if (academy is not null)
        {
            if (!academy.Sessions.Contains(date!.Value)) return AcademyAttendance.NoSession(academy, date.Value);
            if (await attendance.SaveAsync(academy, candidate.Id, date.Value, r.Attended!.Value, ct) == SaveResult.Conflict)
                return Problem.Conflict("attended", "Attendance for that session is already recorded differently.");
        }
        else if (await records.GetAsync(candidate.Id, key, ct) is null)
        {
            // A new confirmation; a repeat is answered as recorded whatever has happened since.
            if (candidate.Stage != CandidateStage.InTraining)
                return Problem.Conflict("candidateId", $"The candidate's training has not started (they are {candidate.Stage.Describe()}).");
            // Refused before anything is written: recorded in the moment before the training workflow starts, it would never be heard.
            if (!await workflows.IsRunningAsync(WorkflowInstances.Training(CommitmentIds.Of(candidate.Id)), ct))
                return Problem.Conflict("candidateId", "The learner's training workflow has not started yet; try again in a moment.");
            if (kind is ConfirmationKind.BreakInLearning or ConfirmationKind.ReturnFromBreak
                && await BreakRefusalAsync(candidate.Id, cohort!, kind.Value, date!.Value, ct) is { } refusal)
                return refusal;
        }

        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, key, RecordKind.Confirmation, clock.GetUtcNow())
        {
            ProgrammeId = provider.Id, Value = kind.ToString(), Date = date,
            Reason = kind switch
            {
                ConfirmationKind.Attendance => r.Attended == true ? "attended" : "did not attend",
                ConfirmationKind.OffTheJobHours => $"{r.Hours} hours{(r.Detail is null ? "" : $", {r.Detail}")}",
                ConfirmationKind.EpaResult => $"{r.Grade}{(r.Detail is null ? "" : $", {r.Detail}")}",
                ConfirmationKind.ReturnFromBreak => $"new planned end {newEnd:yyyy-MM-dd}{(r.Detail is null ? "" : $", {r.Detail}")}",
                _ => r.Detail,
            },
            Amount = r.Hours,
        }, ct);
        if (saved == SaveResult.Conflict) return Problem.Conflict("reference", $"Reference '{reference}' was already used for a different confirmation.");

        // Told again even when already recorded (the first attempt may have stopped before this); the reference makes it one event.
        if (!isAttendance)
            await workflows.ConfirmTrainingAsync(candidate.Id, new TrainingConfirmation(kind!.Value, date!.Value, r.Grade, newEnd), key, ct);
        var created = saved == SaveResult.Created;
        return Result<ConfirmationRecorded>.Ok(new(reference!, candidate.Id, kind!.Value, created ? "Recorded" : "AlreadyRecorded"), created);
    }

    /// <summary>A return's new planned end: a date after the return, at most <see cref="InputLimits.LongestPlannedYears"/> years on.</summary>
    private static DateOnly? NewPlannedEnd(FieldErrors errors, DateOnly? back, string? value)
    {
        var end = errors.Date("newPlannedEnd", value, "New planned end date");
        if (end is not { } e || back is not { } d) return end;
        if (e <= d) errors.Add("newPlannedEnd", "The new planned end date must be after the return date.");
        else if (e > d.AddYears(InputLimits.LongestPlannedYears))
            errors.Add("newPlannedEnd", $"The new planned end date must be at most {InputLimits.LongestPlannedYears} years after the return date.");
        else return e;
        return null;
    }

    /// <summary>
    /// Why a new break or return cannot follow the breaks and returns the provider has confirmed for
    /// the learner, or null: 409 for one at the wrong time (a second break while on one, a return
    /// with no break to return from), 400 for a date that cannot be (before the training or the
    /// break began, or not after the last return). The levy account applies the same rule to
    /// its own events (<see cref="CommitmentLifecycle"/>).
    /// </summary>
    private async Task<Problem?> BreakRefusalAsync(string candidateId, Cohort cohort, ConfirmationKind kind, DateOnly date, CancellationToken ct)
    {
        var confirmed = (await records.ForCandidateAsync(candidateId, ct))
            .Where(x => x.Kind == RecordKind.Confirmation && x.Date is not null)
            .Select(x => x.Value switch
            {
                nameof(ConfirmationKind.BreakInLearning) => new CommitmentEvent(CommitmentEventKind.BreakInLearning, x.Date!.Value),
                nameof(ConfirmationKind.ReturnFromBreak) => new CommitmentEvent(CommitmentEventKind.ReturnFromBreak, x.Date!.Value),
                _ => null,
            })
            .OfType<CommitmentEvent>();
        var breaks = LearningPeriods.BreaksIn(confirmed);
        var open = breaks.Count > 0 && breaks[^1].ReturnedOn is null ? breaks[^1] : null;
        var lastReturn = breaks.LastOrDefault(b => b.ReturnedOn is not null)?.ReturnedOn;
        if (kind == ConfirmationKind.BreakInLearning)
        {
            if (open is not null)
                return Problem.Conflict("kind", $"The learner is already on a break in learning from {open.From:yyyy-MM-dd}: confirm their return before another break.");
            if (date < cohort.StartDate)
                return Problem.Invalid("date", $"A break in learning cannot begin before the training started on {cohort.StartDate:yyyy-MM-dd}.");
            if (lastReturn is { } back && date <= back)
                return Problem.Invalid("date", $"A new break in learning must begin after the return on {back:yyyy-MM-dd}.");
            return null;
        }
        if (open is null)
            return Problem.Conflict("kind", "The learner is not on a break in learning, so there is no break to return from.");
        if (date <= open.From)
            return Problem.Invalid("date", $"The return must be after the break began on {open.From:yyyy-MM-dd}.");
        return null;
    }
}
