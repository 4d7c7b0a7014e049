using Apprenticeships.Durable;

namespace Apprenticeships.Functions.Orchestrations;

public static class EventWaits
{
    /// <summary>
    /// The event if it arrives before <paramref name="deadline"/>, else null once the deadline
    /// passes. The wait is withdrawn on timeout, so a later wait for the same event gets it.
    /// </summary>
    public static async Task<T?> EventBeforeAsync<T>(this TaskOrchestrationContext context, string name, DateTime deadline) where T : class
    {
        if (deadline <= context.CurrentUtcDateTime) return null;
        try
        {
            return await context.WaitForExternalEvent<T>(name, deadline - context.CurrentUtcDateTime);
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits for the event; if it has not come by <paramref name="chaseAt"/>, runs <paramref name="chase"/> once and keeps waiting.</summary>
    public static async Task<T> EventChasedAtAsync<T>(this TaskOrchestrationContext context, string name, DateTime chaseAt, Func<Task> chase) where T : class
    {
        if (await context.EventBeforeAsync<T>(name, chaseAt) is { } early) return early;
        await chase();
        return await context.WaitForExternalEvent<T>(name);
    }
}
