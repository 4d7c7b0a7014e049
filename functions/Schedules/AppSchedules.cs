namespace Apprenticeships.Functions.Schedules;

/// <summary>Every scheduled job of the app. Add a job here and both hosts run it.</summary>
public static class AppSchedules
{
    public static readonly Schedule[] All =
    [
        new("ReferralRecovery", TimeSpan.FromMinutes(1), typeof(ReferralRecoveryJob)),
        new("Retention", TimeSpan.FromDays(1), typeof(RetentionJob), RunAtStart: true),
    ];

    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        foreach (var schedule in All) services.AddSingleton(schedule.Job);
        return services;
    }

    public static Schedule? Named(string name) => All.FirstOrDefault(s => s.Name == name);

    public static Task RunAsync(this Schedule schedule, IServiceProvider services, CancellationToken ct) =>
        ((IScheduledJob)services.GetRequiredService(schedule.Job)).RunAsync(ct);
}
