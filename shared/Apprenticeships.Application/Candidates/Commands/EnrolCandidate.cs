using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>A referral as an advisor enters it (the API's JSON body, the enrol form's fields).</summary>
public sealed record EnrolCandidate(
    string? GivenName, string? FamilyName, string? Email, string? Postcode, DateOnly? DateOfBirth,
    ReferralSource? Source, bool? Consent, string? LawfulBasis, string? AdvisorId)
{
    public Referral ToReferral() => new(GivenName, FamilyName, Email, Postcode, DateOfBirth, Source, Consent ?? false, LawfulBasis, AdvisorId);
}

/// <summary>
/// Enrols a candidate from a referral that passes <see cref="ReferralRules"/>: the candidate row
/// first, then their journey, which starts with the welcome email. The journey is given the id
/// only; personal data stays in the row. A crash between the two leaves a candidate at
/// Referred with no journey: <see cref="ReferralRecovery"/> starts it a minute later, or the
/// caller's retry does. A retry is the same enrolment (<see cref="EnrolmentIds"/>): it answers
/// with the candidate the first attempt stored and changes nothing.
/// </summary>
public sealed class CandidateEnrolment(CandidateStore candidates, IWorkflows workflows, EnrolmentIds ids, TimeProvider clock)
{
    /// <summary>The referral's problems by field, for a form that has its own checks to add.</summary>
    public Dictionary<string, string[]> Check(Referral referral)
    {
        var errors = ReferralRules.Validate(referral, clock.Today());
        // The referral rules say what a referral needs; these say what text may be stored at all.
        var limits = new FieldErrors();
        limits.Name("givenName", referral.GivenName, "First name");
        limits.Name("familyName", referral.FamilyName, "Last name");
        limits.Text("email", referral.Email, "Email address", InputLimits.Email);
        limits.Defined("source", referral.Source, "Source");
        limits.Text("lawfulBasis", referral.LawfulBasis, "Lawful basis", InputLimits.LawfulBasis);
        limits.Text("advisorId", referral.AdvisorId, "Advisor", InputLimits.Id);
        foreach (var (field, messages) in limits.ToDictionary()) errors.TryAdd(field, messages);
        return errors;
    }

    /// <param name="idempotencyKey">The caller's name for this enrolment (the Idempotency-Key header, the enrol form's hidden key); null to go by the referral itself.</param>
    public async Task<Result<Candidate>> EnrolAsync(EnrolCandidate command, CancellationToken ct, string? idempotencyKey = null)
    {
        var referral = command.ToReferral();
        var errors = Check(referral);
        if (idempotencyKey is { Length: > InputLimits.Id } || idempotencyKey?.Any(char.IsControl) == true)
            errors["Idempotency-Key"] = [$"Idempotency-Key must be at most {InputLimits.Id} characters, without control characters."];
        if (errors.Count > 0) return Problem.Invalid(errors);
        var now = clock.GetUtcNow();
        var candidate = Candidate.Enrol("", referral, now);
        candidate = candidate with { Id = ids.For(candidate, clock.Today(), idempotencyKey) };
        if (await candidates.AddAsync(candidate, ct))
        {
            await workflows.StartJourneyAsync(candidate.Id, ct);
            return Result<Candidate>.Ok(candidate, created: true);
        }
        // Sent before: the first attempt stored the candidate, and may have stopped before their journey started.
        var stored = await candidates.GetAsync(candidate.Id, ct);
        if (stored is null || !EnrolmentIds.SameReferral(stored, candidate))
            return Problem.Conflict("Idempotency-Key", "This Idempotency-Key was used for another referral (or its candidate has since been erased).");
        if (stored.Stage == CandidateStage.Referred) await workflows.StartJourneyAsync(stored.Id, ct);
        return Result<Candidate>.Ok(stored, created: false);
    }
}
