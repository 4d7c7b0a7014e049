using Apprenticeships.Application.Workflows;
using Apprenticeships.Storage.Audit;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Commands;

public sealed record EraseCandidate(string? Reason);

/// <summary>
/// Erases a candidate's personal data (UK GDPR article 17, or the end of the retention period):
/// their workflows stopped; their row (name, email, date of birth, postcode, withdrawal reason)
/// deleted; every other store that holds something about them told to forget it (timeline,
/// free-text reasons on programme records, the email outbox and suppression list). What stays:
/// the id in workflow history, programme facts for the reports, the send log's template and
/// id, the audit log. The erasure is registered first, so a crash part-way is finished by a
/// retry, and an old link can say the record was erased.
/// </summary>
public sealed class CandidateErasure(CandidateStore candidates, ErasureRegister register, IEnumerable<ICandidateDataHolder> holders,
    IWorkflows workflows, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ErasureRegister.Erasure>> EraseAsync(string candidateId, EraseCandidate command, string staffId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", command.Reason, "The reason for erasure", InputLimits.Reason);
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(candidateId)) return Problem.NotFound("id", $"No candidate '{candidateId}'.");
        var candidate = await candidates.GetAsync(candidateId, ct);
        var erasure = await register.FindAsync(candidateId, ct);
        if (candidate is null && erasure is null) return Problem.NotFound("id", $"No candidate '{candidateId}'.");
        erasure ??= await register.BeginAsync(candidateId, reason!, clock.GetUtcNow(), ct);

        await workflows.StopAllAsync(candidateId, candidate?.AcademyId, "erased", ct);
        foreach (var holder in holders) await holder.ForgetCandidateAsync(candidateId, ct);
        await candidates.DeleteAsync(candidateId, ct);
        await audit.RecordAsync(new AuditEntry(candidateId, staffId, AuditAction.Erased, "erase", clock.GetUtcNow()), ct);
        return Result<ErasureRegister.Erasure>.Ok(erasure);
    }
}
