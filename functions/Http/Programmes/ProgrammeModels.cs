using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Functions.Http.Programmes;

// Dates travel as "YYYY-MM-DD" strings so a wrong one is a validation problem naming the field.

public sealed record CreateAcademyRequest(
    string? Id, string? Name, string? EmployerName, string? Sector, string? ProviderId, string? Place,
    List<string>? Sessions, string? PlacementStart, string? PlacementEnd, string? InterviewDate, decimal? CostPerPlace);

public sealed record CreateCohortRequest(
    string? Id, string? Name, string? StandardName, string? EmployerId, string? ProviderId, string? StartDate,
    int? DurationMonths, decimal? AgreedPrice, decimal? FundingBandMaximum);

public sealed record AddMemberRequest(string? CandidateId);

public sealed record AttendanceRequest(string? CandidateId, string? Date, bool? Attended);

public sealed record SwapOutcomeRequest(string? CandidateId, SwapOutcome? Outcome, SwapOffer? Offer, string? Reason);

/// <summary>A member of an academy or cohort, with how far they have got; names are for staff only.</summary>
public sealed record MemberProgress(string CandidateId, string Name, CandidateStage Stage, DateTimeOffset StageChangedAt, IReadOnlyList<string> Facts);

public sealed record AcademyDetails(Academy Academy, IReadOnlyList<MemberProgress> Members);

public sealed record CohortDetails(Cohort Cohort, DateOnly PlannedEndDate, IReadOnlyList<MemberProgress> Members);

public sealed record RegisterProviderRequest(string? Id, string? Name);

/// <summary>A provider as registered; <see cref="ApiKey"/> is only ever shown here, once.</summary>
public sealed record ProviderRegistered(string Id, string Name, string ApiKey);

public sealed record ProviderSummary(string Id, string Name, DateTimeOffset KeyIssuedAt);

public sealed record ConfirmationRequest(
    string? Reference, string? CandidateId, ConfirmationKind? Kind, string? Date, bool? Attended, decimal? Hours, string? Detail, EpaGrade? Grade);

public sealed record ConfirmationResponse(string Reference, string CandidateId, ConfirmationKind Kind, string Status);

public sealed record ProviderLearner(string CandidateId, string Name, CandidateStage Stage, string? AcademyId, string? CohortId);
