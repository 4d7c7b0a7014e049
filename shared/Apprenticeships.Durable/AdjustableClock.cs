namespace Apprenticeships.Durable;

/// <summary>
/// The runtime's clock for tests and Development: real time plus an offset that only grows.
/// Advancing it by 30 days makes every timer due within that span fire on the next poll, so
/// months of a pipeline run in seconds, while short waits still pass in real time.
/// </summary>
public sealed class AdjustableClock(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
