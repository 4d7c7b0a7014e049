
namespace Apprenticeships.Functions.Http.Candidates;

public sealed record CandidateSummary(string Id, string Name, CandidateStage Stage, DateTimeOffset StageChangedAt, string AdvisorId)
{
    public static CandidateSummary Of(Candidate c) => new(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.StageChangedAt, c.AdvisorId);
}

public sealed record CandidateDetails(
    string Id, string GivenName, string FamilyName, string Email, string Postcode, DateOnly DateOfBirth,
    ReferralSource Source, string LawfulBasis, string AdvisorId, DateTimeOffset EnrolledAt,
    CandidateStage Stage, DateTimeOffset StageChangedAt, string? WithdrawalReason, string? AcademyId, string? CohortId, string? Journey, object? JourneyStatus, string? JourneyFailure)
{
    public static CandidateDetails Of(CandidateWithJourney found)
    {
        var c = found.Candidate;
        return new(c.Id, c.GivenName, c.FamilyName, c.Email, c.Postcode, c.DateOfBirth, c.Source, c.LawfulBasis, c.AdvisorId, c.EnrolledAt,
            c.Stage, c.StageChangedAt, c.WithdrawalReason, c.AcademyId, c.CohortId, found.Journey?.RuntimeStatus, found.Journey?.CustomStatus, found.Journey?.Failure);
    }
}

/// <summary>The answer to an assignment (a job start, joining an academy or cohort): who, and the stage they are now at.</summary>
public sealed record CandidateAssigned(string CandidateId, CandidateStage Stage);

/// <summary>A sustainment check as recorded: "Recorded" the first time, "AlreadyRecorded" for a repeat.</summary>
public sealed record SustainmentRecorded(string CandidateId, int Week, bool InWork, string Status);

public sealed record CandidateErased(string CandidateId, DateTimeOffset ErasedAt);

/// <summary>
/// The candidate's timeline, oldest first, one event per fact: <c>kind</c> is <c>Stage</c> (they moved
/// to <c>stage</c>, with the fact behind the move), <c>Fact</c> (a programme fact), <c>Email</c> (a
/// nudge or reminder sent to them) or <c>Alert</c> (advisors were alerted); <c>stage</c> is otherwise
/// the stage they were at; <c>what</c> says what happened in words.
/// </summary>
public sealed record TimelineResponse(string CandidateId, IReadOnlyList<TimelineEvent> Events);
