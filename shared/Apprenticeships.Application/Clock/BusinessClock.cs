using Apprenticeships.Storage.Clock;

namespace Apprenticeships.Application.Clock;

/// <summary>
/// Business time: real time plus an offset kept in storage. In production nothing moves it and
/// it is plain real time. In Development the demo and the end-to-end tests move it on by weeks
/// (<see cref="AdvanceAsync"/>), and the workflow port tells running workflows, so months of a
/// pipeline pass in seconds on the real engine. Only forward: a business date never goes back.
/// </summary>
public sealed class BusinessClock(ClockOffsetTable offsets, TimeProvider? realTime = null) : TimeProvider
{
    /// <summary>How long another instance's move may go unseen by this one's activities and pages.</summary>
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _real = realTime ?? System;
    private long _offsetTicks;
    private long _readAtTimestamp;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow()
    {
        if (_real.GetElapsedTime(Interlocked.Read(ref _readAtTimestamp)) > RefreshAfter)
        {
            // Refreshed in the background: reading the time must not wait on storage.
            Interlocked.Exchange(ref _readAtTimestamp, _real.GetTimestamp());
            _ = RefreshAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return _real.GetUtcNow() + Offset;
    }

    /// <summary>Reads the stored offset now (the workflows read it this way when they start).</summary>
    public async Task<TimeSpan> RefreshAsync(CancellationToken ct)
    {
        var stored = await offsets.ReadAsync(ct);
        Raise(stored);
        return Offset;
    }

    public async Task<TimeSpan> AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        if (by <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The business clock only moves forward.");
        Raise(await offsets.AdvanceAsync(by, ct));
        return Offset;
    }

    private void Raise(TimeSpan offset)
    {
        Interlocked.Exchange(ref _readAtTimestamp, _real.GetTimestamp());
        long seen;
        do seen = Interlocked.Read(ref _offsetTicks);
        while (offset.Ticks > seen && Interlocked.CompareExchange(ref _offsetTicks, offset.Ticks, seen) != seen);
    }
}
