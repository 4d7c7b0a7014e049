using Apprenticeships.Workflows.Running;
namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>When in the day reminders go and checks happen. UTC: an hour out in summer is fine for a reminder.</summary>
public static class WorkingDay
{
    public static DateTime Morning(DateOnly day) => day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
    public static DateTime Evening(DateOnly day) => day.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
}
