namespace Apprenticeships.Domain.Programmes;

/// <summary>The facts about a candidate's programmes that the outcome report counts.</summary>
public enum RecordKind
{
    /// <summary>Joined an academy (ProgrammeId = academy, Amount = cost per place).</summary>
    SwapStart,
    /// <summary>A session attended or missed (ProgrammeId = academy, Date = session, Value = Present/Absent).</summary>
    Attendance,
    /// <summary>How the academy ended (ProgrammeId = academy, Value = <see cref="SwapOutcome"/>, Reason).</summary>
    SwapOutcome,
    /// <summary>
    /// Started a job (Date = first day, Value = Direct/ViaSwap, ProgrammeId = the employer's id; records from before
    /// employers had records have no ProgrammeId and the employer's name as typed in Reason).
    /// </summary>
    JobStart,
    /// <summary>The answer to a sustainment check (Value = weeks, Reason = InWork/NotInWork).</summary>
    SustainmentCheck,
    /// <summary>Started an apprenticeship (ProgrammeId = cohort, Value = commitment id, Date = start).</summary>
    ApprenticeshipStart,
    /// <summary>A provider's confirmation (ProgrammeId = provider, Value = <see cref="ConfirmationKind"/>).</summary>
    Confirmation,
    /// <summary>Achieved the apprenticeship (Value = grade, Date).</summary>
    Achievement,
    /// <summary>The candidate said, through their link, they are coming to a session (ProgrammeId = academy, Date).</summary>
    SessionReply,
    /// <summary>
    /// An answer through an emailed link that needed remembering (Value = the link's purpose, Reason = what the hub did
    /// with it, Date = the session for a session link): the welcome email's answer, or one the hub could not carry out
    /// and told the advisors about. Kept so that a repeat is recognised and advisors see it on the timeline.
    /// </summary>
    LinkAnswer,
}

/// <summary>
/// One fact about a candidate's programme, keyed so that recording it twice is one record. Holds
/// ids, dates, codes and amounts; personal data stays on the candidate.
/// </summary>
public sealed record ProgrammeRecord(string CandidateId, string Key, RecordKind Kind, DateTimeOffset At)
{
    public string? ProgrammeId { get; init; }
    public DateOnly? Date { get; init; }
    public string? Value { get; init; }
    public string? Reason { get; init; }
    public decimal? Amount { get; init; }
}
