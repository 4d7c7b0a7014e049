using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Audit;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Commands;

public sealed record EraseStaffMember(string? Reason);

/// <summary>A member of staff's details erased: when, and under which participant id the facts stay.</summary>
public sealed record StaffMemberErased(string ParticipantId, DateTimeOffset At);

/// <summary>
/// Erases a member employer's member of staff (UK GDPR article 17): their workflow stopped, their
/// name and job title deleted, and every store that may hold something under their id told to
/// forget it (the email outbox's copies of the employer's prompts, which name them; their alerts).
/// What stays: the participant id with its training, pay and leaving facts, for the reports; the
/// audit entry. A placed candidate is erased through their candidate record instead.
/// </summary>
public sealed class StaffMemberErasure(ProgressionInput input, StaffMemberStore staff, IEnumerable<ICandidateDataHolder> holders,
    IWorkflows workflows, AuditLog audit, TimeProvider clock)
{
    /// <remarks>The reason is required, as for a candidate, and kept nowhere: it may name the person.</remarks>
    public async Task<Result<StaffMemberErased>> EraseAsync(string employerId, string participantId, EraseStaffMember command, string staffId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        _ = errors.Text("reason", command.Reason, "The reason for erasure", InputLimits.Reason);
        if (errors.Any) return errors.ToProblem();
        if (await input.EmployerAsync(employerId, ct) is null) return ProgressionInput.NoEmployer(employerId);
        if (await input.ParticipantAsync(employerId, participantId, ct) is not { } participant) return ProgressionInput.NoParticipant(participantId);
        if (participant.Kind != ParticipantKind.EmployerStaff)
            return Problem.Conflict("participantId", "This is a candidate the hub placed: erase them through their candidate record.");

        // Leaving ends the workflow where it is; erasure does not wait for that.
        await workflows.TellProgressionAsync(participantId, new ProgressionNews(clock.GetUtcNow().UtcDateTime, Left: true), "erased", ct);
        foreach (var holder in holders) await holder.ForgetCandidateAsync(participantId, ct);
        await staff.EraseAsync(employerId, participantId, ct);
        var at = clock.GetUtcNow();
        await audit.RecordAsync(new AuditEntry(participantId, staffId, AuditAction.Erased, "erase progression staff member", at), ct);
        return Result<StaffMemberErased>.Ok(new StaffMemberErased(participantId, at));
    }
}
