using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Functions.Http.Candidates;

public sealed record ReferralRequest(
    string? GivenName, string? FamilyName, string? Email, string? Postcode, DateOnly? DateOfBirth,
    ReferralSource? Source, bool? Consent, string? LawfulBasis, string? AdvisorId)
{
    public Referral ToReferral() => new(GivenName, FamilyName, Email, Postcode, DateOfBirth, Source, Consent ?? false, LawfulBasis, AdvisorId);
}

public sealed record CandidateSummary(string Id, string Name, CandidateStage Stage, DateTimeOffset StageChangedAt, string AdvisorId)
{
    public static CandidateSummary Of(Candidate c) => new(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.StageChangedAt, c.AdvisorId);
}

public sealed record CandidateDetails(
    string Id, string GivenName, string FamilyName, string Email, string Postcode, DateOnly DateOfBirth,
    ReferralSource Source, string LawfulBasis, string AdvisorId, DateTimeOffset EnrolledAt,
    CandidateStage Stage, DateTimeOffset StageChangedAt, string? WithdrawalReason, string? Journey)
{
    public static CandidateDetails Of(Candidate c, string? journey) => new(c.Id, c.GivenName, c.FamilyName, c.Email, c.Postcode,
        c.DateOfBirth, c.Source, c.LawfulBasis, c.AdvisorId, c.EnrolledAt, c.Stage, c.StageChangedAt, c.WithdrawalReason, journey);
}

public sealed record WithdrawRequest(string? Reason);

public sealed record TimelineResponse(string CandidateId, IReadOnlyList<TimelineEntry> Entries);
