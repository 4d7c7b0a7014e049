namespace Apprenticeships.Application;

/// <summary>
/// Every day count the pipeline runs on, in one place: the workflows wait and chase on them, the
/// board flags on them, and the emails quote them. Constants rather than settings because
/// orchestrations replay: a value that changed between replays would change their history.
/// They are the hub's practice, not statute; DWP's sustainment points are 13 and 26 weeks
/// (<see cref="Domain.Programmes.SustainmentChecks"/>).
/// </summary>
public static class PipelinePolicy
{
    /// <summary>Days after referral: welcome-email nudges, the advisor alert, and closing as no response.</summary>
    public const int FirstNudgeDays = 2, SecondNudgeDays = 5, NoResponseAlertDays = 7, NoResponseCloseDays = 14;

    /// <summary>An engaged candidate nobody has assigned for this long is flagged to the advisors.</summary>
    public const int UnassignedAlertDays = 14;

    /// <summary>An academy outcome not recorded this many days after the interview is chased.</summary>
    public const int AcademyOutcomeChaseDays = 7;

    /// <summary>A sustainment answer not recorded this many days after it was due is chased.</summary>
    public const int SustainmentChaseDays = 14;

    /// <summary>Apprentices hear this many days before their cohort starts.</summary>
    public const int CohortNoticeDays = 7;

    /// <summary>An apprentice whose provider has confirmed nothing for this long needs attention (board and monthly review alert).</summary>
    public const int ConfirmationOverdueDays = 45;

    /// <summary>In-work progression: a prompt to the employer (and a placed candidate) every so many weeks, so many times (a year).</summary>
    public const int ProgressionIntervalWeeks = 13, ProgressionRounds = 4;

    /// <summary>A progression prompt nobody has answered this many days after it went is flagged to the advisors.</summary>
    public const int ProgressionChaseDays = 14;

    /// <summary>How long candidates' emailed links work: the welcome answer, and programme links (sessions, leaving).</summary>
    public const int InterestLinkDays = 14, ProgrammeLinkDays = 42;
}
