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
/// Referred with no journey: <see cref="ReferralRecovery"/> starts it a minute later.
/// </summary>
public sealed class CandidateEnrolment(CandidateStore candidates, IWorkflows workflows, TimeProvider clock)
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

    public async Task<Result<Candidate>> EnrolAsync(EnrolCandidate command, CancellationToken ct)
    {
        var referral = command.ToReferral();
        var errors = Check(referral);
        if (errors.Count > 0) return Problem.Invalid(errors);
        var candidate = Candidate.Enrol(NewIds.Candidate(), referral, clock.GetUtcNow());
        await candidates.AddAsync(candidate, ct);
        await workflows.StartJourneyAsync(candidate.Id, ct);
        return Result<Candidate>.Ok(candidate, created: true);
    }
}
