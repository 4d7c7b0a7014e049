using Apprenticeships.Testing;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>
/// Two app instances on one task hub, as two Azure instances would run: they split the hub's
/// partitions between them, and when one goes the other takes its partitions and its workflows on.
/// </summary>
public class SharedTaskHubTests
{
    [Fact]
    public async Task Two_instances_share_the_partitions_and_one_carries_on_alone_when_the_other_stops()
    {
        var hub = LocalAzurite.UniqueName("hub");
        var outbox = LocalAzurite.UniqueName("outbox");
        Task<WebApplicationFactory<Program>> Instance(string worker) => AppFactory.CreateAsync(configure: b =>
        {
            b.UseSetting("Durable:TaskHub", hub);
            b.UseSetting("Durable:PartitionCount", "2");
            b.UseSetting("Durable:WorkerId", worker);
            b.UseSetting("Email:PickupContainer", outbox);
        });
        await using var first = await Instance("first");
        var second = await Instance("second");
        _ = first.Server; // start both hosts, and with them their workers
        _ = second.Server;
        var owners = (await LocalAzurite.AccountAsync()).Tables.GetTableClient($"{hub}Partitions");
        async Task<HashSet<string>> OwnersAsync()
        {
            var seen = new HashSet<string>();
            await foreach (var p in owners.QueryAsync<TableEntity>()) if (p.GetString("CurrentOwner") is { Length: > 0 } owner) seen.Add(owner);
            return seen;
        }
        await EventuallyAsync(async () => (await OwnersAsync()).SetEquals(["first", "second"]), "each instance owning a partition", TimeSpan.FromSeconds(90));

        var http = first.CreateClient();
        var before = await EnrolAsync(http);
        await EventuallyAsync(async () => await StageOfAsync(http, before) == "AwaitingInterest", "a journey while both run");

        await second.DisposeAsync();
        await EventuallyAsync(async () => (await OwnersAsync()).SetEquals(["first"]), "the first instance owning every partition", TimeSpan.FromSeconds(90));
        var after = await EnrolAsync(http, Referral("Osei", "kofi.osei@example.org"));
        await EventuallyAsync(async () => await StageOfAsync(http, after) == "AwaitingInterest", "a journey after the second stopped");
    }
}
