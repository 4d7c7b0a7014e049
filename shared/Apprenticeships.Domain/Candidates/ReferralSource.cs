namespace Apprenticeships.Domain.Candidates;

/// <summary>Who referred the candidate to the hub (docs/pipeline.md, step 1).</summary>
public enum ReferralSource
{
    JobcentreWorkCoach,
    NationalCareersService,
    CareLeaverTeam,
    Employer,
    SelfReferral,
}
