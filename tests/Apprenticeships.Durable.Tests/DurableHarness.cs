using Apprenticeships.Durable.Client;
using Apprenticeships.Durable.Tests.Samples;
using Apprenticeships.Durable.Worker;
using Apprenticeships.Storage;
using Apprenticeships.Testing;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Durable.Tests;

/// <summary>
/// A task hub of its own on the test process's Azurite, with the sample orchestrators, a
/// controllable clock and fast polling. Workers are started by hand so a test can have none,
/// one, two, or one that crashes.
/// </summary>
public sealed class DurableHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private DurableHarness(string hub, string connection) => (TaskHub, Connection) = (hub, connection);

    public string TaskHub { get; }
    public string Connection { get; }
    public AdjustableClock Clock { get; } = new();
    public SideEffects SideEffects { get; } = new();
    public DurableTaskClient Client { get; private set; } = null!;

    public static async Task<DurableHarness> CreateAsync(Action<DurableRuntimeOptions>? tune = null)
    {
        var harness = new DurableHarness(LocalAzurite.UniqueName("hub"), await LocalAzurite.ConnectionStringAsync());
        harness._tune = tune;
        harness.Client = harness.Services().GetRequiredService<DurableTaskClient>();
        return harness;
    }

    private Action<DurableRuntimeOptions>? _tune;

    /// <summary>A fresh process's worth of services on this hub; extra pipeline policies see every storage call.</summary>
    public ServiceProvider Services(params HttpPipelinePolicy[] policies)
    {
        var storageOptions = new StorageClientOptions();
        storageOptions.Policies.AddRange(policies);
        var account = StorageAccount.FromConnectionString(Connection, storageOptions);
        var services = new ServiceCollection()
            .AddSingleton(account.Tables).AddSingleton(account.Queues).AddSingleton(account.Blobs)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(SideEffects)
            .AddDurableRuntime(o =>
            {
                o.TaskHub = TaskHub;
                o.StartWorker = false;
                o.VisibilityTimeout = TimeSpan.FromSeconds(2);
                o.RetryDelay = TimeSpan.FromMilliseconds(200);
                o.TimerPollInterval = TimeSpan.FromMilliseconds(50);
                o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
                o.SweepInterval = TimeSpan.FromSeconds(1);
                o.OutboxResendAfter = TimeSpan.FromSeconds(3);
                Sample.Register(o);
                _tune?.Invoke(o);
            });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Starts a background worker (as a host would) and returns it.</summary>
    public async Task<DurableWorker> StartWorkerAsync(ServiceProvider? services = null)
    {
        var worker = (services ?? Services()).GetRequiredService<DurableWorker>();
        await worker.StartAsync(CancellationToken.None);
        return worker;
    }

    public async Task<OrchestrationMetadata> RunAsync(string name, object? input, string? instanceId = null, TimeSpan? timeout = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, instanceId);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(id, cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.GetRequiredService<DurableWorker>().StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }
}
