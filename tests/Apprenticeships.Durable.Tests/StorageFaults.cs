using Azure.Core;
using Azure.Core.Pipeline;

namespace Apprenticeships.Durable.Tests;

/// <summary>The process "dies" at a storage call: that call and every later one fail.</summary>
public sealed class SimulatedCrashException(int call) : Exception($"Simulated crash at storage call {call}");

/// <summary>Counts every storage request (one transaction each) and can crash the process at the N-th.</summary>
public sealed class StorageFaults(int crashAtCall = int.MaxValue) : HttpPipelinePolicy
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, only requests whose URI contains this text are failed (and all of them).</summary>
    public string? AlwaysFailWhenUriContains { get; init; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call >= crashAtCall) throw new SimulatedCrashException(crashAtCall);
        if (AlwaysFailWhenUriContains is { } text && message.Request.Uri.ToString().Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Storage rejected the request to {text}");
        }
    }
}
