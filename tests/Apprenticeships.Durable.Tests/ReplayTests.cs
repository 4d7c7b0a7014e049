using System.Collections.Concurrent;
using Apprenticeships.Durable.Tests.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable.Tests;

public class ReplayTests
{
    [Fact]
    public async Task Replays_log_each_line_once_and_NewGuid_gives_the_same_value_every_time()
    {
        await using var h = await DurableHarness.CreateAsync();
        var lines = new ConcurrentQueue<string>();
        var services = h.Services();
        services.GetRequiredService<ILoggerFactory>().AddProvider(new CapturingLoggerProvider(lines));
        await h.StartWorkerAsync(services);

        var done = await h.RunAsync(nameof(GuidAndLog), null);

        var id = done.ReadOutputAs<Guid>();
        Assert.NotEqual(Guid.Empty, id);
        var ours = lines.Where(l => l.Contains(id.ToString())).ToList();
        Assert.Equal([$"started {id}", $"finished {id}"], ours);
    }

    [Fact]
    public async Task The_status_sweeper_repairs_a_projection_row_left_behind()
    {
        // The background sweep runs once at start only, so this test decides when repair happens.
        await using var h = await DurableHarness.CreateAsync(o => o.SweepInterval = TimeSpan.FromHours(1));
        var worker = await h.StartWorkerAsync();
        var done = await h.RunAsync(nameof(HelloChain), 1, "repair-me");
        var account = await Apprenticeships.Testing.LocalAzurite.AccountAsync();
        var status = account.Tables.GetTableClient($"{h.TaskHub}Status");
        // As if the worker crashed after its checkpoint and before the projection write.
        await status.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("repair-me", "") { ["Status"] = "Running", ["Name"] = nameof(HelloChain), ["Version"] = 1 });
        Assert.Empty((await h.Client.QueryInstancesAsync(new() { Statuses = [OrchestrationRuntimeStatus.Completed] })).Instances);

        Assert.Equal(1, await worker.RepairStatusAsync());

        var completed = (await h.Client.QueryInstancesAsync(new() { Statuses = [OrchestrationRuntimeStatus.Completed] })).Instances;
        Assert.Equal("repair-me", Assert.Single(completed).InstanceId);
        Assert.Equal(0, await worker.RepairStatusAsync());
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines);
        public void Dispose() { }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
