namespace Apprenticeships.Workflows;

/// <summary>
/// How every signal from the application reaches a workflow: its payload with the reference the
/// application gave it. The engine delivers a re-raised event again, so a workflow acts on each
/// reference once and ignores repeats.
/// </summary>
public sealed record Signal<T>(string Reference, T Value);

/// <summary>The business clock's new offset, sent to running workflows when Development moves it.</summary>
public sealed record BusinessClockMoved(long OffsetTicks)
{
    public const string EventName = "BusinessClockMoved";
}
