namespace Apprenticeships.Domain.Progression;

/// <summary>Whom in-work progression follows: someone the hub placed in the job, or a member employer's own member of staff.</summary>
public enum ParticipantKind { PlacedCandidate, EmployerStaff }

/// <summary>
/// One person followed in work at one employer, by id: a placed candidate's details stay on
/// their candidate record, a member of staff's in <see cref="StaffMember"/>, so this record
/// (training, pay and hours, leaving) holds facts and ids only and survives their erasure.
/// </summary>
public sealed record ProgressionParticipant(string Id, string EmployerId, ParticipantKind Kind, string? CandidateId, DateOnly From)
{
    public IReadOnlyList<TrainingOpportunity> Training { get; init; } = [];
    public IReadOnlyList<PayChange> PayChanges { get; init; } = [];
    /// <summary>Days someone said there was nothing new (an answer to a progression prompt all the same).</summary>
    public IReadOnlyList<DateOnly> CheckIns { get; init; } = [];
    public DateOnly? LeftOn { get; init; }

    public bool HasLeft => LeftOn is not null;
}

/// <summary>A training opportunity offered to the person, and the day they completed it, if they have.</summary>
public sealed record TrainingOpportunity(string Id, string Title, DateOnly OfferedOn, DateOnly? CompletedOn);

/// <summary>
/// A change to pay or hours from a date: hourly pay before and after, weekly hours before and
/// after, or both. An increase is after &gt; before.
/// </summary>
public sealed record PayChange(string Id, DateOnly EffectiveOn, decimal? HourlyPayBefore, decimal? HourlyPayAfter, decimal? WeeklyHoursBefore, decimal? WeeklyHoursAfter)
{
    /// <summary>How much hourly pay rose (null when it did not rise or was not given).</summary>
    public decimal? HourlyRise => HourlyPayAfter - HourlyPayBefore is > 0m and var rise ? rise : null;

    /// <summary>How many weekly hours were added (null when they did not rise or were not given).</summary>
    public decimal? HoursRise => WeeklyHoursAfter - WeeklyHoursBefore is > 0m and var rise ? rise : null;
}

/// <summary>A member employer's member of staff, as the hub knows them: personal data, kept apart and erasable.</summary>
public sealed record StaffMember(string ParticipantId, string EmployerId, string Name, string JobTitle);

/// <summary>
/// An employer's headcount return: staff on the books on a date, and how many left in the period
/// since their previous return (or, for the first, the period the employer reports on).
/// </summary>
public sealed record HeadcountReturn(string EmployerId, DateOnly Date, int Headcount, int Leavers);
