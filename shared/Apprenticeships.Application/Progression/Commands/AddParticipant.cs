using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Commands;

/// <summary>
/// Someone to follow in work at the employer: a candidate the hub placed there (<c>candidateId</c>), or one of the
/// employer's own staff (<c>name</c>, <c>jobTitle</c>, and optionally the day to follow them <c>from</c>, today if left out).
/// </summary>
public sealed record AddParticipant(ParticipantKind? Kind, string? CandidateId, string? Name, string? JobTitle, string? From);

/// <summary>
/// Adds people to in-work progression and starts their workflow. A placed candidate is followed
/// from their job start, once (their participant id is derived from theirs, so a repeat finds
/// them); a member of staff gets a new id, their name and job title kept apart in
/// <see cref="StaffMemberStore"/>.
/// </summary>
public sealed class ProgressionParticipants(ProgressionInput input, ParticipantStore participants, StaffMemberStore staff, CandidateStore candidates,
    ProgrammeRecords records, EmployerStore employers, IWorkflows workflows)
{
    /// <summary>A member of staff is followed from a day near today: far in the past, every round would be due at once.</summary>
    public const int FromWindowDays = 92;

    public async Task<Result<ProgressionParticipant>> AddAsync(string employerId, AddParticipant command, CancellationToken ct)
    {
        if (await input.EmployerAsync(employerId, ct) is null) return ProgressionInput.NoEmployer(employerId);
        var errors = new FieldErrors();
        var kind = errors.Defined("kind", errors.Required("kind", command.Kind, "Kind"), "Kind");
        if (errors.Any) return errors.ToProblem();
        return kind == ParticipantKind.PlacedCandidate ? await AddPlacedAsync(employerId, command, errors, ct) : await AddStaffAsync(employerId, command, errors, ct);
    }

    /// <summary>
    /// After a job start: follows the candidate at the employer the job start names. Following them
    /// again (a retried job start) changes nothing.
    /// </summary>
    public async Task JobStartedAsync(string candidateId, string employerId, DateOnly start, CancellationToken ct)
    {
        if (await employers.GetAsync(employerId, ct) is not null) await FollowPlacedAsync(employerId, candidateId, start, ct);
    }

    private async Task<Result<ProgressionParticipant>> AddPlacedAsync(string employerId, AddParticipant command, FieldErrors errors, CancellationToken ct)
    {
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        if (errors.Any) return errors.ToProblem();
        if (await candidates.GetAsync(candidateId!, ct) is null) return Problem.NotFound("candidateId", $"No candidate '{candidateId}'.");
        if (await records.GetAsync(candidateId!, RecordKeys.JobStart, ct) is not { Date: { } start })
            return Problem.Conflict("candidateId", "The candidate has no job start recorded: record it first, and they are followed from it.");
        return await FollowPlacedAsync(employerId, candidateId!, start, ct);
    }

    private async Task<Result<ProgressionParticipant>> FollowPlacedAsync(string employerId, string candidateId, DateOnly start, CancellationToken ct)
    {
        var participant = new ProgressionParticipant(ProgressionIds.Placed(candidateId), employerId, ParticipantKind.PlacedCandidate, candidateId, start);
        var created = await participants.AddAsync(participant.Id, participant, ct);
        if (!created)
        {
            participant = (await participants.GetAsync(participant.Id, ct))!;
            if (participant.EmployerId != employerId) return Problem.Conflict("candidateId", "The candidate is already followed at another employer.");
        }
        // Also on a repeat: a crash between saving and starting is finished by posting again.
        await workflows.StartProgressionAsync(new ProgressionStart(participant.Id, employerId, candidateId, participant.From), ct);
        return Result<ProgressionParticipant>.Ok(participant, created);
    }

    private async Task<Result<ProgressionParticipant>> AddStaffAsync(string employerId, AddParticipant command, FieldErrors errors, CancellationToken ct)
    {
        var name = errors.Name("name", command.Name, "Name");
        var jobTitle = errors.Text("jobTitle", command.JobTitle, "Job title", InputLimits.Title);
        var from = command.From is null ? input.Today : errors.Date("from", command.From, "Followed from");
        if (from is { } f && Math.Abs(f.DayNumber - input.Today.DayNumber) > FromWindowDays)
            errors.Add("from", $"Followed from must be within {FromWindowDays} days of today.");
        if (errors.Any) return errors.ToProblem();
        var participant = new ProgressionParticipant(NewIds.StaffParticipant(), employerId, ParticipantKind.EmployerStaff, null, from!.Value);
        // The person's details first: a participant is never without them, until they are erased.
        await staff.SaveAsync(new StaffMember(participant.Id, employerId, name!, jobTitle!), ct);
        await participants.AddAsync(participant.Id, participant, ct);
        await workflows.StartProgressionAsync(new ProgressionStart(participant.Id, employerId, null, participant.From), ct);
        return Result<ProgressionParticipant>.Ok(participant, created: true);
    }
}
