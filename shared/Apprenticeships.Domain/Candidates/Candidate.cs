namespace Apprenticeships.Domain.Candidates;

/// <summary>
/// An enrolled candidate. Holds the personal data (name, email, postcode, date of birth) that
/// nothing else may copy: workflows, history, queues and logs carry <see cref="Id"/> only.
/// </summary>
public sealed record Candidate
{
    public required string Id { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required string Email { get; init; }
    public required string Postcode { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required ReferralSource Source { get; init; }
    public required string LawfulBasis { get; init; }
    public required string AdvisorId { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
    public CandidateStage Stage { get; init; } = CandidateStage.Referred;
    public DateTimeOffset StageChangedAt { get; init; }
    public string? WithdrawalReason { get; init; }
    /// <summary>The academy the candidate was last assigned to, if any.</summary>
    public string? AcademyId { get; init; }
    /// <summary>The apprenticeship cohort the candidate was accepted for, if any.</summary>
    public string? CohortId { get; init; }
    /// <summary>Sectors the candidate would like to work in, to match them to vacancies. Not contact data, but still not for workflow inputs.</summary>
    public SectorInterests SectorInterests { get; init; } = SectorInterests.None;

    public static Candidate Enrol(string id, Referral referral, DateTimeOffset now) => new()
    {
        Id = id,
        GivenName = referral.GivenName!.Trim(),
        FamilyName = referral.FamilyName!.Trim(),
        Email = referral.Email!.Trim(),
        Postcode = ReferralRules.NormalisePostcode(referral.Postcode!),
        DateOfBirth = referral.DateOfBirth!.Value,
        Source = referral.Source!.Value,
        LawfulBasis = referral.LawfulBasis!.Trim(),
        AdvisorId = referral.AdvisorId!.Trim(),
        EnrolledAt = now,
        StageChangedAt = now,
    };
}
