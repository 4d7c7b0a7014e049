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
    CandidateStage Stage, DateTimeOffset StageChangedAt, string? WithdrawalReason, string? AcademyId, string? CohortId, string? Journey, object? JourneyStatus)
{
    public static CandidateDetails Of(Candidate c, string? journey, object? status) => new(c.Id, c.GivenName, c.FamilyName, c.Email, c.Postcode,
        c.DateOfBirth, c.Source, c.LawfulBasis, c.AdvisorId, c.EnrolledAt, c.Stage, c.StageChangedAt, c.WithdrawalReason, c.AcademyId, c.CohortId, journey, status);
}

public sealed record WithdrawRequest(string? Reason);

/// <summary>Stage changes alone (Entries) and everything in time order (Events).</summary>
public sealed record TimelineResponse(string CandidateId, IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<TimelineEntry> Events);

public sealed record JobStartRequest(string? StartDate, string? EmployerName);

public sealed record SustainmentRequest(int? Week, bool? InWork);
