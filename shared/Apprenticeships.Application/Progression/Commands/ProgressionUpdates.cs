using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Commands;

/// <summary>A training opportunity offered. <c>Reference</c>, the caller's own id for it, makes a retry safe: the same reference again is the same opportunity.</summary>
public sealed record OfferTraining(string? Title, string? OfferedOn, string? Reference = null);

public sealed record CompleteTraining(string? CompletedOn);

/// <summary>A change to hourly pay, weekly hours, or both, from a day: each given as a before and after pair.
/// <c>Reference</c>, the caller's own id for it, makes a retry safe: the same reference again is the same change.</summary>
public sealed record RecordPayChange(string? EffectiveOn, decimal? HourlyPayBefore, decimal? HourlyPayAfter, decimal? WeeklyHoursBefore, decimal? WeeklyHoursAfter,
    string? Reference = null);

/// <summary>Nothing new since the last prompt: an answer all the same.</summary>
public sealed record RecordCheckIn(string? Date);

public sealed record RecordLeaving(string? LeftOn);

/// <summary>
/// Everything recorded about a participant's progress: training offered and completed, pay and
/// hours changes, a check-in with nothing new, their leaving. Each is an update: it answers the
/// workflow's latest prompt (and takes that prompt's unanswered alert off the attention list);
/// leaving ends the workflow. Nothing is recorded for someone who has left.
/// </summary>
public sealed class ProgressionUpdates(ProgressionInput input, ParticipantStore participants, AttentionItems attention, IWorkflows workflows, TimeProvider clock)
{
    /// <summary>A working week has at most this many hours (there are 168 in a week).</summary>
    public const decimal MostWeeklyHours = 100;

    public const int MostTrainingPerPerson = 200, MostPayChangesPerPerson = 200;

    public Task<Result<ProgressionUpdated>> OfferTrainingAsync(string employerId, string participantId, OfferTraining command, CancellationToken ct) =>
        UpdateAsync(employerId, participantId, (p, errors) =>
        {
            var title = errors.Text("title", command.Title, "Training title", InputLimits.Title);
            var offered = input.Day(errors, "offeredOn", command.OfferedOn, "Offered on");
            var id = RecordId(errors, command.Reference, "t", NewIds.Training);
            // A retry of one already stored (its answer lost to a crash) is the same opportunity, answered again.
            if (p.Training.FirstOrDefault(t => t.Id == id) is { } stored && !errors.Any) return Again($"offered-{stored.Id}", stored.Id);
            if (p.Training.Count >= MostTrainingPerPerson) errors.Add("title", $"A person has at most {MostTrainingPerPerson} training opportunities recorded.");
            if (errors.Any) return null;
            var training = new TrainingOpportunity(id!, title!, offered!.Value, null);
            return new(s => s.Training.Any(t => t.Id == training.Id) ? s : s with { Training = [.. s.Training, training] }, $"offered-{training.Id}", training.Id);
        }, ct);

    public Task<Result<ProgressionUpdated>> CompleteTrainingAsync(string employerId, string participantId, string trainingId, CompleteTraining command, CancellationToken ct) =>
        UpdateAsync(employerId, participantId, (p, errors) =>
        {
            var completed = input.Day(errors, "completedOn", command.CompletedOn, "Completed on");
            if (p.Training.FirstOrDefault(t => t.Id == trainingId) is not { } training) { errors.Add("trainingId", $"No training opportunity '{trainingId}' for this person."); return null; }
            if (completed is { } c && c < training.OfferedOn) errors.Add("completedOn", "Completed on must not be before the day it was offered.");
            // The same completion again (a retry whose answer was lost) is answered again; another day is refused.
            if (training.CompletedOn is { } done && done == completed && !errors.Any) return Again($"completed-{trainingId}", trainingId);
            if (training.CompletedOn is not null) errors.Add("trainingId", "This training is already recorded as completed.");
            if (errors.Any) return null;
            return new(s => s with { Training = [.. s.Training.Select(t => t.Id == trainingId && t.CompletedOn is null ? t with { CompletedOn = completed } : t)] }, $"completed-{trainingId}", trainingId);
        }, ct);

    public Task<Result<ProgressionUpdated>> RecordPayChangeAsync(string employerId, string participantId, RecordPayChange command, CancellationToken ct) =>
        UpdateAsync(employerId, participantId, (p, errors) =>
        {
            var effective = input.Day(errors, "effectiveOn", command.EffectiveOn, "Effective on");
            var payGiven = command.HourlyPayBefore is not null || command.HourlyPayAfter is not null;
            var hoursGiven = command.WeeklyHoursBefore is not null || command.WeeklyHoursAfter is not null;
            if (!payGiven && !hoursGiven) errors.Add("hourlyPayAfter", "Give hourly pay before and after, weekly hours before and after, or both.");
            var payBefore = payGiven ? errors.Money("hourlyPayBefore", command.HourlyPayBefore, "Hourly pay before") : null;
            var payAfter = payGiven ? errors.Money("hourlyPayAfter", command.HourlyPayAfter, "Hourly pay after") : null;
            var hoursBefore = hoursGiven ? Hours(errors, "weeklyHoursBefore", command.WeeklyHoursBefore, "Weekly hours before") : null;
            var hoursAfter = hoursGiven ? Hours(errors, "weeklyHoursAfter", command.WeeklyHoursAfter, "Weekly hours after") : null;
            var id = RecordId(errors, command.Reference, "pc", NewIds.PayChange);
            if (p.PayChanges.FirstOrDefault(c => c.Id == id) is { } stored && !errors.Any) return Again($"pay-{stored.Id}", stored.Id);
            if (p.PayChanges.Count >= MostPayChangesPerPerson) errors.Add("effectiveOn", $"A person has at most {MostPayChangesPerPerson} pay changes recorded.");
            if (errors.Any) return null;
            var change = new PayChange(id!, effective!.Value, payBefore, payAfter, hoursBefore, hoursAfter);
            return new(s => s.PayChanges.Any(c => c.Id == change.Id) ? s : s with { PayChanges = [.. s.PayChanges, change] }, $"pay-{change.Id}", change.Id);
        }, ct);

    public Task<Result<ProgressionUpdated>> RecordCheckInAsync(string employerId, string participantId, RecordCheckIn command, CancellationToken ct) =>
        UpdateAsync(employerId, participantId, (p, errors) =>
        {
            var day = input.Day(errors, "date", command.Date, "Date");
            if (day is { } d && d > input.Today) errors.Add("date", "Date must not be after today.");
            if (errors.Any) return null;
            return new(s => s with { CheckIns = [.. s.CheckIns.Append(day!.Value).Distinct().Order()] }, $"check-in-{day:yyyy-MM-dd}-{NewIds.Training()}", null);
        }, ct);

    public Task<Result<ProgressionUpdated>> RecordLeavingAsync(string employerId, string participantId, RecordLeaving command, CancellationToken ct) =>
        UpdateAsync(employerId, participantId, (p, errors) =>
        {
            var left = input.Day(errors, "leftOn", command.LeftOn, "Left on");
            if (left is { } l && l < p.From) errors.Add("leftOn", "Left on must not be before the day they were followed from.");
            if (left is { } l2 && l2 > input.Today) errors.Add("leftOn", "Left on must not be after today.");
            if (errors.Any) return null;
            return new(s => s with { LeftOn = left }, "left", null);
        }, ct);

    /// <summary>
    /// The id of a record the caller names with their own reference: the same reference always gives the same id
    /// (per participant, since records live on the participant), so a retried request finds what the first stored.
    /// Without a reference, a new random id.
    /// </summary>
    private static string? RecordId(FieldErrors errors, string? reference, string prefix, Func<string> random)
    {
        if (reference is null) return random();
        if (errors.Id("reference", reference, "Reference") is not { } r) return null;
        return $"{prefix}-r{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r)))[..12]}";
    }

    /// <summary>An update already stored: nothing changes, but the workflow and the attention list are told again, in case a crash cut that short.</summary>
    private static Change Again(string reference, string recordId) => new(s => s, reference, recordId, Repeat: true);

    private static decimal? Hours(FieldErrors errors, string field, decimal? value, string what)
    {
        if (value is not { } hours) errors.Add(field, $"{what} is required.");
        else if (hours <= 0 || hours > MostWeeklyHours) errors.Add(field, $"{what} must be more than 0 and at most {MostWeeklyHours}.");
        else if (decimal.Round(hours, 2) != hours) errors.Add(field, $"{what} must have at most two decimal places.");
        else return hours;
        return null;
    }

    /// <summary>
    /// Reads the input against the participant as stored, saves the change under its ETag, then
    /// tells the workflow (once per reference) and closes the participant's unanswered-prompt alerts.
    /// </summary>
    private async Task<Result<ProgressionUpdated>> UpdateAsync(string employerId, string participantId,
        Func<ProgressionParticipant, FieldErrors, Change?> read, CancellationToken ct)
    {
        if (await input.EmployerAsync(employerId, ct) is null) return ProgressionInput.NoEmployer(employerId);
        if (await input.ParticipantAsync(employerId, participantId, ct) is not { } current) return ProgressionInput.NoParticipant(participantId);
        if (current.HasLeft) return Left(current);
        var errors = new FieldErrors();
        if (read(current, errors) is not { } change || errors.Any) return errors.ToProblem();
        // Applied to the record as stored at the moment of saving, so a concurrent update is kept too.
        var saved = await participants.ChangeAsync(participantId, stored => stored.HasLeft ? stored : change.Apply(stored), ct);
        if (saved is null) return ProgressionInput.NoParticipant(participantId);
        if (saved.HasLeft && change.Reference != "left") return Left(saved);
        var now = clock.GetUtcNow();
        await workflows.TellProgressionAsync(participantId, new ProgressionNews(now.UtcDateTime, saved.HasLeft), change.Reference, ct);
        foreach (var item in await attention.ListOpenAsync(ct))
            if (item.Kind == nameof(AttentionKind.ProgressionNoAnswer) && item.Facts.GetValueOrDefault(AttentionFacts.ParticipantId) == participantId)
                await attention.CloseAsync(item.CandidateId, item.Key, now, ct);
        return Result<ProgressionUpdated>.Ok(new ProgressionUpdated(saved, change.RecordId), created: !change.Repeat);
    }

    private static Problem Left(ProgressionParticipant p) =>
        Problem.Conflict("participantId", $"They left on {p.LeftOn:yyyy-MM-dd}: nothing more is recorded for them.");

    /// <summary>A checked update: how to apply it to the stored record, the reference the workflow takes it under, and the id of what it added.</summary>
    private sealed record Change(Func<ProgressionParticipant, ProgressionParticipant> Apply, string Reference, string? RecordId, bool Repeat = false);
}

/// <summary>The participant after an update, and the id of the training opportunity or pay change it added or changed.</summary>
public sealed record ProgressionUpdated(ProgressionParticipant Participant, string? RecordId);
