using Azure.Core;
using Azure.Core.Pipeline;

namespace Apprenticeships.Storage;

/// <summary>
/// Pipeline settings shared by the three storage clients: extra policies (the benchmarks
/// count transactions, crash tests inject failures). Policies sit per retry, so each one sees
/// every HTTP request that reaches storage: one storage transaction each.
/// </summary>
public sealed class StorageClientOptions
{
    public List<HttpPipelinePolicy> Policies { get; } = [];

    public T Apply<T>(T options) where T : ClientOptions
    {
        foreach (var policy in Policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
        return options;
    }
}
