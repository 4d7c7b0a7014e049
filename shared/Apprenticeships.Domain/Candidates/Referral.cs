namespace Apprenticeships.Domain.Candidates;

/// <summary>
/// What an advisor enters to enrol a candidate. This and the stored candidate are the only
/// places personal data lives; workflows refer to the candidate by id alone.
/// </summary>
public sealed record Referral(
    string? GivenName,
    string? FamilyName,
    string? Email,
    string? Postcode,
    DateOnly? DateOfBirth,
    ReferralSource? Source,
    bool Consent,
    string? LawfulBasis,
    string? AdvisorId);
