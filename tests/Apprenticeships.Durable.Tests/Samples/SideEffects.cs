using System.Collections.Concurrent;

namespace Apprenticeships.Durable.Tests.Samples;

/// <summary>What the sample activities did, by idempotency key: how a real side effect would be keyed.</summary>
public sealed class SideEffects
{
    public ConcurrentDictionary<string, int> ByKey { get; } = new();
    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public void Record(string key) => ByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
}
