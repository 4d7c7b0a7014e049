namespace Apprenticeships.Workflows.Running;

/// <summary>
/// The retry policy of every activity call. Activities fail on transient faults (storage
/// unreachable, SendGrid throttling): a journey lasts months, so one fault must not fail it.
/// Eight attempts over about ten minutes ride out a storage outage or a redeploy. A fault no
/// attempt can mend (a programme that does not exist, an email SendGrid refuses) is not
/// retried: the instance fails at once, the reason shows on the candidate's page, and staff
/// retry the journey once they have put it right.
/// </summary>
public static class Retries
{
    public static readonly TaskOptions Transient = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5))
    {
        HandleFailure = failure => !IsPermanent(failure),
    });

    /// <summary>Our activities throw these for data a retry cannot change.</summary>
    public static bool IsPermanent(TaskFailureDetails failure) =>
        failure.IsCausedBy<InvalidOperationException>() || failure.IsCausedBy<ArgumentException>();
}
