namespace Apprenticeships.Domain.Employers;

/// <summary>How a membership step went: recorded, already recorded (a repeat changes nothing), or refused.</summary>
public enum MembershipStepStatus { Recorded, AlreadyRecorded, Invalid, Conflict }

/// <summary>A membership step's result: the membership after it, or why it was refused and which field it was about.</summary>
public sealed record MembershipStep(EmployerMembership Membership, MembershipStepStatus Status, string? Field = null, string? Why = null)
{
    public bool Refused => Status is MembershipStepStatus.Invalid or MembershipStepStatus.Conflict;
}

/// <summary>
/// The scheme's rules, errors named by the request's fields. Joining and leaving may be recorded
/// ahead (an agreed start, notice given), but not far ahead; events and sessions have happened, so
/// they are dated today or earlier and fall while the employer was a member. Repeating a step exactly
/// is harmless, so a form posted twice records it once.
/// </summary>
public static class MembershipRules
{
    /// <summary>How far ahead joining or leaving may be recorded: a quarter.</summary>
    public const int FurthestAheadDays = 92;

    public static MembershipStep Join(EmployerMembership m, DateOnly date, IReadOnlyList<MemberSupport> support, DateOnly today)
    {
        if (m.Current is { } current)
            return current.Joined == date && current.Support.SequenceEqual(support)
                ? new(m, MembershipStepStatus.AlreadyRecorded)
                : new(m, MembershipStepStatus.Conflict, "date", $"The employer has been a member since {current.Joined:yyyy-MM-dd}: record leaving before joining again.");
        if (date > today.AddDays(FurthestAheadDays)) return TooFarAhead(m, "Joining");
        if (m.Spells.Count > 0 && date < m.Spells[^1].Left)
            return new(m, MembershipStepStatus.Invalid, "date", $"Rejoining must be on or after the day the employer last left ({m.Spells[^1].Left:yyyy-MM-dd}).");
        return new(m with { Spells = [.. m.Spells, new MembershipSpell(date, support)] }, MembershipStepStatus.Recorded);
    }

    public static MembershipStep Leave(EmployerMembership m, DateOnly date, string reason, DateOnly today)
    {
        if (m.Current is not { } current)
            return m.Spells.Count > 0 && m.Spells[^1].Left == date && m.Spells[^1].LeftReason == reason
                ? new(m, MembershipStepStatus.AlreadyRecorded)
                : new(m, MembershipStepStatus.Conflict, "date", "The employer is not a member of the scheme, so it cannot leave.");
        if (date < current.Joined) return new(m, MembershipStepStatus.Invalid, "date", $"Leaving cannot be before joining ({current.Joined:yyyy-MM-dd}).");
        if (date > today.AddDays(FurthestAheadDays)) return TooFarAhead(m, "Leaving");
        return new(m with { Spells = [.. m.Spells.SkipLast(1), current with { Left = date, LeftReason = reason }] }, MembershipStepStatus.Recorded);
    }

    public static MembershipStep AttendEvent(EmployerMembership m, DateOnly date, string eventName, DateOnly today)
    {
        var e = new EventAttended(date, eventName);
        if (m.Events.Contains(e)) return new(m, MembershipStepStatus.AlreadyRecorded);
        if (WhyNotOn(m, date, today, "An event") is { } refused) return refused;
        return new(m with { Events = [.. m.Events, e] }, MembershipStepStatus.Recorded);
    }

    public static MembershipStep LogSession(EmployerMembership m, SupportSession session, DateOnly today)
    {
        if (m.Sessions.Contains(session)) return new(m, MembershipStepStatus.AlreadyRecorded);
        if (WhyNotOn(m, session.Date, today, "A support session") is { } refused) return refused;
        return new(m with { Sessions = [.. m.Sessions, session] }, MembershipStepStatus.Recorded);
    }

    /// <summary>Why an event or session on <paramref name="date"/> cannot be recorded, or null when it can.</summary>
    private static MembershipStep? WhyNotOn(EmployerMembership m, DateOnly date, DateOnly today, string what)
    {
        if (m.Spells.Count == 0) return new(m, MembershipStepStatus.Conflict, "date", "The employer has never been a member of the scheme: record joining first.");
        if (date > today) return new(m, MembershipStepStatus.Invalid, "date", $"{what} is recorded once it has happened: the date cannot be after today.");
        if (date < m.Spells[0].Joined) return new(m, MembershipStepStatus.Invalid, "date", $"{what} cannot be before the employer joined ({m.Spells[0].Joined:yyyy-MM-dd}).");
        if (!m.WasMemberOn(date)) return new(m, MembershipStepStatus.Invalid, "date", $"The employer was not a member on {date:yyyy-MM-dd}.");
        return null;
    }

    private static MembershipStep TooFarAhead(EmployerMembership m, string what) =>
        new(m, MembershipStepStatus.Invalid, "date", $"{what} can be recorded at most {FurthestAheadDays} days ahead.");
}
