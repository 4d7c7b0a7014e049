using Azure.Core;
using Azure.Core.Pipeline;

namespace Durable.Bench;

/// <summary>Counts storage requests (one billable transaction each) by kind.</summary>
public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private long _total;
    public long Total => Interlocked.Read(ref _total);
    public void Reset() => Interlocked.Exchange(ref _total, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _total);
}
