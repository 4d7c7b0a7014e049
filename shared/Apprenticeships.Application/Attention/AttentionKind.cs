namespace Apprenticeships.Application.Attention;

/// <summary>
/// Why the workflows alerted advisors about a candidate: the code an attention item is stored
/// under. Each kind has its facts (<see cref="AttentionFacts"/>), its words
/// (<see cref="AttentionWords"/>) and the rule that clears it (<see cref="AttentionRules"/>).
/// </summary>
public enum AttentionKind
{
    /// <summary>An alert raised before alerts had codes; its words are the fact <c>reason</c>.</summary>
    Other,
    /// <summary>No answer to the welcome email (facts: days after referral).</summary>
    NoAnswer,
    /// <summary>Engaged, but no academy, cohort or job for a while (facts: days).</summary>
    NotAssigned,
    /// <summary>Recorded absent from an academy session (facts: academyId, session).</summary>
    MissedSession,
    /// <summary>No attendance recorded for an academy session by its evening (facts: academyId, session).</summary>
    AttendanceNotRecorded,
    /// <summary>No academy outcome recorded days after the interview (facts: academyId, days).</summary>
    NoAcademyOutcome,
    /// <summary>Finished an academy without a job or apprenticeship offer (facts: academyId, outcome).</summary>
    NoJobOffer,
    /// <summary>A sustainment answer not recorded a while after it was due (facts: week).</summary>
    SustainmentOverdue,
    /// <summary>No provider confirmation for longer than the policy allows (facts: commitmentId, since).</summary>
    ConfirmationOverdue,
    /// <summary>Failed the end-point assessment (facts: commitmentId, date of the result).</summary>
    FailedAssessment,
    /// <summary>On a break in learning (facts: commitmentId, from).</summary>
    BreakInLearning,
    /// <summary>Back in learning after a break (facts: commitmentId, from, newEnd).</summary>
    BackFromBreak,
    /// <summary>Back in learning, but the levy account refused the return (facts: commitmentId, from, reason).</summary>
    ReturnNotRecorded,
    /// <summary>A candidate's answer through an emailed link the advisor should act on (facts: reason): came back after closure, declined or asked to leave while on a programme.</summary>
    LinkAnswer,
    /// <summary>Nobody answered an in-work progression prompt (facts: week, participantId, employerId); the candidate id is the participant's for an employer's own staff.</summary>
    ProgressionNoAnswer,
}

/// <summary>The names of the facts an attention item carries: ids, dates ("YYYY-MM-DD") and numbers, never personal data.</summary>
public static class AttentionFacts
{
    public const string Days = "days";
    public const string AcademyId = "academyId";
    public const string Session = "session";
    public const string Outcome = "outcome";
    public const string Week = "week";
    public const string CommitmentId = "commitmentId";
    public const string Since = "since";
    public const string From = "from";
    public const string Date = "date";
    public const string Reason = "reason";
    public const string NewEnd = "newEnd";
    public const string ParticipantId = "participantId";
    public const string EmployerId = "employerId";
}

/// <summary>A stored alert: the candidate, the key it was raised under (the workflow step), its kind and facts, and when (business time).</summary>
public sealed record AttentionItem(string CandidateId, string Key, AttentionKind Kind, IReadOnlyDictionary<string, string> Facts, DateTimeOffset RaisedAt)
{
    public string? Fact(string name) => Facts.TryGetValue(name, out var value) ? value : null;

    public DateOnly? DateFact(string name) =>
        DateOnly.TryParseExact(Fact(name), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
}
