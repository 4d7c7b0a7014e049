using Apprenticeships.Domain.Employers;

namespace Apprenticeships.Domain.Tests.Employers;

public class MembershipRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly MemberSupport[] Recruitment = [MemberSupport.RecruitmentSupport];

    private static EmployerMembership Member(DateOnly joined) => MembershipRules.Join(new EmployerMembership("e-1"), joined, Recruitment, Today).Membership;

    [Fact]
    public void Leaving_and_rejoining_keeps_the_earlier_spell()
    {
        var left = MembershipRules.Leave(Member(Today.AddDays(-100)), Today.AddDays(-30), "Closed the home", Today).Membership;
        Assert.Null(left.Current);
        var back = MembershipRules.Join(left, Today.AddDays(-30), [MemberSupport.TrainingAdvice], Today);
        Assert.Equal(MembershipStepStatus.Recorded, back.Status);
        Assert.Equal(2, back.Membership.Spells.Count);
        Assert.Equal("Closed the home", back.Membership.Spells[0].LeftReason);
        Assert.Equal(Today.AddDays(-30), back.Membership.Current!.Joined);
    }

    [Fact]
    public void Rejoining_cannot_go_back_before_the_last_leaving()
    {
        var left = MembershipRules.Leave(Member(Today.AddDays(-100)), Today.AddDays(-30), "Closed", Today).Membership;
        var step = MembershipRules.Join(left, Today.AddDays(-31), Recruitment, Today);
        Assert.Equal((MembershipStepStatus.Invalid, "date"), (step.Status, step.Field));
        Assert.Same(left, step.Membership);
    }

    [Fact]
    public void Joining_twice_is_harmless_when_the_same_and_a_conflict_when_not()
    {
        var member = Member(Today);
        Assert.Equal(MembershipStepStatus.AlreadyRecorded, MembershipRules.Join(member, Today, Recruitment, Today).Status);
        Assert.Equal(MembershipStepStatus.Conflict, MembershipRules.Join(member, Today.AddDays(-1), Recruitment, Today).Status);
    }

    [Theory]
    [InlineData(-101, MembershipStepStatus.Invalid)]  // before joining
    [InlineData(1, MembershipStepStatus.Invalid)]     // not happened yet
    [InlineData(-50, MembershipStepStatus.Recorded)]
    public void Events_and_sessions_fall_while_a_member_and_not_after_today(int days, MembershipStepStatus expected)
    {
        var member = Member(Today.AddDays(-100));
        Assert.Equal(expected, MembershipRules.AttendEvent(member, Today.AddDays(days), "Care careers fair", Today).Status);
        Assert.Equal(expected, MembershipRules.LogSession(member, new SupportSession(Today.AddDays(days), "Retention", "amara"), Today).Status);
    }

    [Fact]
    public void Nothing_is_recorded_between_spells_or_before_ever_joining()
    {
        var never = new EmployerMembership("e-1");
        Assert.Equal(MembershipStepStatus.Conflict, MembershipRules.AttendEvent(never, Today, "Fair", Today).Status);
        Assert.Equal(MembershipStepStatus.Conflict, MembershipRules.Leave(never, Today, "Why", Today).Status);
        var left = MembershipRules.Leave(Member(Today.AddDays(-100)), Today.AddDays(-60), "Paused", Today).Membership;
        var rejoined = MembershipRules.Join(left, Today.AddDays(-10), Recruitment, Today).Membership;
        Assert.Equal(MembershipStepStatus.Invalid, MembershipRules.LogSession(rejoined, new SupportSession(Today.AddDays(-30), "Retention", "amara"), Today).Status);
        Assert.Equal(MembershipStepStatus.Recorded, MembershipRules.LogSession(rejoined, new SupportSession(Today.AddDays(-60), "Exit talk", "amara"), Today).Status);
    }

    [Fact]
    public void Joining_or_leaving_is_recorded_at_most_a_quarter_ahead()
    {
        Assert.Equal(MembershipStepStatus.Invalid, MembershipRules.Join(new EmployerMembership("e-1"), Today.AddDays(MembershipRules.FurthestAheadDays + 1), Recruitment, Today).Status);
        Assert.Equal(MembershipStepStatus.Recorded, MembershipRules.Join(new EmployerMembership("e-1"), Today.AddDays(MembershipRules.FurthestAheadDays), Recruitment, Today).Status);
        Assert.Equal(MembershipStepStatus.Invalid, MembershipRules.Leave(Member(Today), Today.AddDays(MembershipRules.FurthestAheadDays + 1), "Notice", Today).Status);
        Assert.Equal(MembershipStepStatus.Invalid, MembershipRules.Leave(Member(Today), Today.AddDays(-1), "Before joining", Today).Status);
    }
}
