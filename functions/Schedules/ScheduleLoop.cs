namespace Apprenticeships.Functions.Schedules;

/// <summary>
/// In-process, runs one <see cref="Schedule"/> every <see cref="Schedule.Every"/> (and at start-up
/// if it says so). A failed run is logged and the next tick tries again: a storage outage must not
/// stop the schedule. Every instance runs its jobs, so a job must be safe to run twice at once.
/// Under the Functions host the same schedule is a timer function instead.
/// </summary>
public sealed class ScheduleLoop(Schedule schedule, IServiceProvider services, ILogger<ScheduleLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(schedule.Every);
        if (schedule.RunAtStart) await TryRunAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await TryRunAsync(stoppingToken);
    }

    private async Task TryRunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schedule.RunAsync(services, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(e, "{Job} failed; it runs again in {Every}", schedule.Name, schedule.Every);
        }
    }

    public static IServiceCollection AddScheduleLoops(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var schedule in AppSchedules.All.Where(s => s.IsEnabled(configuration)))
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<ScheduleLoop>(sp, schedule));
        return services;
    }
}
