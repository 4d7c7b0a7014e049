namespace Apprenticeships.Workflows.Running;

/// <summary>
/// The retry policy of every activity call. Activities fail on transient faults (storage
/// unreachable, SendGrid throttling): a journey lasts months, so one fault must not fail it.
/// Eight attempts over about ten minutes ride out a storage outage or a redeploy; a step that
/// still fails fails the instance, with the reason on the candidate's page for staff to act on.
/// </summary>
public static class Retries
{
    public static readonly TaskOptions Transient = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5)));
}
