namespace Apprenticeships.Domain.Candidates;

/// <summary>Where a candidate is in the hub's pipeline (docs/pipeline.md).</summary>
public enum CandidateStage
{
    /// <summary>Referred and enrolled; the welcome email is on its way.</summary>
    Referred,
    /// <summary>Waiting for the candidate to confirm interest through their link.</summary>
    AwaitingInterest,
    /// <summary>Interest confirmed; waiting for the advisor to assign an academy or cohort.</summary>
    Engaged,
    /// <summary>On a sector-based work academy programme.</summary>
    InSwap,
    /// <summary>Started a job; sustainment checks at 13 and 26 weeks.</summary>
    InWork,
    /// <summary>Accepted for an apprenticeship cohort, waiting for its start date.</summary>
    AwaitingCohort,
    /// <summary>In levy-funded apprenticeship training.</summary>
    InTraining,
    /// <summary>Finished: achieved the apprenticeship or sustained the job.</summary>
    Completed,
    /// <summary>Never confirmed interest: closed after 14 days.</summary>
    NoResponse,
    /// <summary>Left the programme, with a reason.</summary>
    Withdrawn,
}

public static class CandidateStageExtensions
{
    public static bool IsClosed(this CandidateStage stage) =>
        stage is CandidateStage.Completed or CandidateStage.NoResponse or CandidateStage.Withdrawn;

    /// <summary>The stage as advisors say it, in messages and on pages.</summary>
    public static string Describe(this CandidateStage stage) => stage switch
    {
        CandidateStage.AwaitingInterest => "Awaiting interest",
        CandidateStage.InSwap => "On an academy",
        CandidateStage.InWork => "In work",
        CandidateStage.AwaitingCohort => "Awaiting cohort",
        CandidateStage.InTraining => "In training",
        CandidateStage.NoResponse => "No response",
        _ => stage.ToString(),
    };
}
