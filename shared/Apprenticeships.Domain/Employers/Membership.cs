namespace Apprenticeships.Domain.Employers;

/// <summary>What the hub's employer scheme offers a member (for example, Leicestershire's "Inspired to Care").</summary>
public enum MemberSupport
{
    RecruitmentSupport,
    RetentionSupport,
    TrainingAdvice,
    EventsInvitation,
}

/// <summary>One time an employer was a member: from joining, with the support offered, until leaving (null while a member).</summary>
public sealed record MembershipSpell(DateOnly Joined, IReadOnlyList<MemberSupport> Support)
{
    public DateOnly? Left { get; init; }
    public string? LeftReason { get; init; }
}

/// <summary>An event of the scheme that the employer came to.</summary>
public sealed record EventAttended(DateOnly Date, string EventName);

/// <summary>
/// A one-to-one support session with the employer: its topic, the advisor (by staff id) and an
/// optional short note, which is about the employer's business, never about a third party.
/// </summary>
public sealed record SupportSession(DateOnly Date, string Topic, string AdvisorId)
{
    public string? Note { get; init; }
}

/// <summary>
/// An employer's membership of the hub's scheme, all of it: every spell (rejoining after leaving
/// starts a new one, the old ones stay), the events attended and the support sessions held.
/// </summary>
public sealed record EmployerMembership(string EmployerId)
{
    public IReadOnlyList<MembershipSpell> Spells { get; init; } = [];
    public IReadOnlyList<EventAttended> Events { get; init; } = [];
    public IReadOnlyList<SupportSession> Sessions { get; init; } = [];

    /// <summary>The spell not yet ended by a leaving recorded; null when the employer is not a member.</summary>
    public MembershipSpell? Current => Spells.Count > 0 && Spells[^1].Left is null ? Spells[^1] : null;

    /// <summary>Whether the employer was a member on <paramref name="date"/> (a leaving day is still a member's day).</summary>
    public bool WasMemberOn(DateOnly date) => Spells.Any(s => s.Joined <= date && (s.Left is null || date <= s.Left));
}
