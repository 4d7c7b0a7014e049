namespace Apprenticeships.Application;

public static class BusinessDays
{
    /// <summary>Today's date by the business clock (UTC), the day rules about dates are checked against.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
