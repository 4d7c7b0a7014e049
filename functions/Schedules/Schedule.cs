namespace Apprenticeships.Functions.Schedules;

/// <summary>A job that runs on a schedule: a timer function under the Functions host, a background loop in-process.</summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// One scheduled job: its function name, how often it runs and the job itself. The one
/// definition both hosts read (<see cref="AppSchedules"/>).
/// </summary>
/// <param name="Every">Whole minutes dividing an hour, whole hours dividing a day, or one day: the
/// intervals a timer function's CRON expression states exactly.</param>
/// <param name="RunAtStart">In-process, also run once at start-up; under the Functions host
/// timers run only on schedule (a timer run at start-up would run again on every scale-out).</param>
public sealed record Schedule(string Name, TimeSpan Every, Type Job, bool RunAtStart = false)
{
    /// <summary>The timer function's six-field NCRONTAB expression (second minute hour day month weekday), in UTC.</summary>
    public string Cron => Every switch
    {
        { TotalDays: 1 } => "0 0 0 * * *",
        { TotalHours: >= 1 and < 24 } h when h.Ticks % TimeSpan.TicksPerHour == 0 && 24 % (int)h.TotalHours == 0 => $"0 0 */{(int)h.TotalHours} * * *",
        { TotalMinutes: >= 1 and < 60 } m when m.Ticks % TimeSpan.TicksPerMinute == 0 && 60 % (int)m.TotalMinutes == 0 => $"0 */{(int)m.TotalMinutes} * * * *",
        _ => throw new InvalidOperationException($"{Name}: a timer function cannot run exactly every {Every}"),
    };

    /// <summary>Configuration switch "Schedules:{Name}" (true unless set false), for tests that share storage between apps.</summary>
    public bool IsEnabled(IConfiguration configuration) => configuration.GetValue($"Schedules:{Name}", true);
}
