namespace Apprenticeships.Durable;

/// <summary>How an activity or sub-orchestration call is retried when it fails.</summary>
public sealed record RetryPolicy(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxRetryInterval = null)
{
    /// <summary>The wait before retry number <paramref name="retry"/> (1 = the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var delay = FirstRetryInterval * Math.Pow(BackoffCoefficient, retry - 1);
        return MaxRetryInterval is { } max && delay > max ? max : delay;
    }
}

public sealed record TaskOptions(RetryPolicy? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
