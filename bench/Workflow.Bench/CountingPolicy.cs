using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Workflow.Bench;

/// <summary>
/// Counts storage requests (one billable transaction each) by kind, with the time each kind
/// spends in flight, so a run can say which call dominates the cost of an activity.
/// </summary>
public sealed class CountingPolicy(StorageCallKind kinds) : HttpPipelineSynchronousPolicy
{
    private const string Started = "bench.started";
    private ConcurrentDictionary<string, Tally> _byKind = new();

    /// <summary>A copy of the tallies so far: the live ones keep counting.</summary>
    public Dictionary<string, (long Count, TimeSpan InFlight, long Refused)> Snapshot() => _byKind.ToDictionary(
        k => k.Key, k => (Interlocked.Read(ref k.Value.Count), TimeSpan.FromTicks(Interlocked.Read(ref k.Value.Ticks)), Interlocked.Read(ref k.Value.Refused)));
    public void Reset() => _byKind = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        message.SetProperty(Started, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _byKind.GetOrAdd(kinds.Of(message.Request), _ => new Tally()).Count);
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (!message.TryGetProperty(Started, out var started)) return;
        var elapsed = Stopwatch.GetElapsedTime((long)started!).Ticks;
        var tally = _byKind.GetOrAdd(kinds.Of(message.Request), _ => new Tally());
        Interlocked.Add(ref tally.Ticks, elapsed);
        // Refusals (409 conflict, 412 ETag mismatch, 5xx) are calls too, but spent on nothing.
        if (message.Response.Status >= 400) Interlocked.Increment(ref tally.Refused);
    }

    public sealed class Tally
    {
        public long Count;
        public long Ticks;
        public long Refused;
    }
}
