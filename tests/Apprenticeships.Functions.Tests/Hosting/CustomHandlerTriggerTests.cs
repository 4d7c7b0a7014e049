using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Storage;
using Apprenticeships.Functions.Hosting;
using Apprenticeships.Functions.Tests.Http.Candidates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// The app in custom-handler mode, driven the way the Azure Functions host drives it: forwarded
/// HTTP requests, queue-trigger invocations carrying real messages from the task hub's queues,
/// and timer-trigger invocations.
/// </summary>
public class CustomHandlerTriggerTests
{
    private static Task<WebApplicationFactory<Program>> CustomHandlerAppAsync(Action<DurableRuntimeOptions>? tune = null) =>
        AppFactory.CreateAsync(configure: b =>
        {
            b.UseSetting(CustomHandler.PortSetting, "7098");
            b.UseSetting("Email:AdvisorAlertsTo", "advisors@council.example");
            if (tune is not null)
            {
                b.ConfigureTestServices(s => tune((DurableRuntimeOptions)s.Single(d => d.ServiceType == typeof(DurableRuntimeOptions)).ImplementationInstance!));
            }
        });

    private static async Task<string> EnrolThroughTheHostAsync(FunctionsHostCalls host)
    {
        var response = await host.ForwardAsync(HttpMethod.Post, "/api/candidates", CandidateJourneyTests.Referral());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Nothing_moves_until_the_host_delivers_the_queued_message_and_the_answer_has_the_custom_handler_shape()
    {
        await using var app = await CustomHandlerAppAsync();
        var host = new FunctionsHostCalls(app.CreateClient());
        var hub = app.Services.GetRequiredService<TaskHub>();
        var id = await EnrolThroughTheHostAsync(host);

        await Task.Delay(1000);
        Assert.NotEqual("AwaitingInterest", await CandidateJourneyTests.StageOfAsync(host.App, id)); // no in-process worker
        var message = (await hub.Control.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        Assert.NotNull(message);
        Assert.StartsWith("{", message.Body.ToString()); // plain JSON text: host.json says messageEncoding none

        var (status, answer) = await host.InvokeAsync("ControlQueue", FunctionsHostCalls.QueueInvocation(message));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(answer["Outputs"]!.AsObject());
        Assert.Contains(message.MessageId, Assert.Single(answer["Logs"]!.AsArray())!.GetValue<string>());
        Assert.True(answer.ContainsKey("ReturnValue"));
        Assert.Null(answer["ReturnValue"]);
        await hub.Control.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal("AwaitingInterest", await CandidateJourneyTests.StageOfAsync(host.App, id));
        Assert.Equal("welcome", Assert.Single(await CandidateJourneyTests.MailForAsync(app, id)).Template);
    }

    [Fact]
    public async Task A_timer_trigger_fires_the_due_durable_timers_and_a_queue_trigger_applies_them()
    {
        await using var app = await CustomHandlerAppAsync();
        var host = new FunctionsHostCalls(app.CreateClient());
        var hub = app.Services.GetRequiredService<TaskHub>();
        var id = await EnrolThroughTheHostAsync(host);
        Assert.True(await host.DeliverNextAsync(hub.Control, "ControlQueue"));

        await host.FireTimerAsync("DurableTimers");
        Assert.False(await host.DeliverNextAsync(hub.Control, "ControlQueue")); // nothing due yet

        app.Services.GetRequiredService<AdjustableClock>().Advance(TimeSpan.FromDays(2.1));
        await host.FireTimerAsync("DurableTimers");
        var fired = (await hub.Control.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        Assert.NotNull(fired);
        // This time as the documentation shows it: the message text as it is.
        var (status, _) = await host.InvokeAsync("ControlQueue", FunctionsHostCalls.QueueInvocation(fired, asDocumented: true));
        Assert.Equal(HttpStatusCode.OK, status);
        await hub.Control.DeleteMessageAsync(fired.MessageId, fired.PopReceipt);

        var mail = await CandidateJourneyTests.MailForAsync(app, id);
        Assert.Equal(["confirm-interest-nudge", "welcome"], mail.Select(m => m.Template).Order());
    }

    [Fact]
    public async Task Activities_sent_through_the_work_queue_run_when_the_host_delivers_them()
    {
        await using var app = await CustomHandlerAppAsync(o => o.RunActivitiesInline = false);
        var host = new FunctionsHostCalls(app.CreateClient());
        var hub = app.Services.GetRequiredService<TaskHub>();
        var id = await EnrolThroughTheHostAsync(host);

        Assert.True(await host.DeliverNextAsync(hub.Control, "ControlQueue"));
        Assert.True(await host.DeliverNextAsync(hub.Work, "WorkQueue")); // the welcome email's activity call
        await host.PumpUntilAsync(hub.Control, hub.Work,
            async () => await CandidateJourneyTests.StageOfAsync(host.App, id) == "AwaitingInterest", "awaiting interest");
        Assert.Equal("welcome", Assert.Single(await CandidateJourneyTests.MailForAsync(app, id)).Template);
    }

    [Fact]
    public async Task A_message_that_fails_is_refused_until_its_last_delivery_and_then_goes_to_the_poison_queue()
    {
        await using var app = await CustomHandlerAppAsync();
        var host = new FunctionsHostCalls(app.CreateClient());
        var hub = app.Services.GetRequiredService<TaskHub>();
        var broken = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = "not a workflow message" },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = 1, ["Id"] = "m-1" },
        };

        var (status, answer) = await host.InvokeAsync("ControlQueue", broken);
        Assert.Equal(HttpStatusCode.InternalServerError, status); // the host will deliver it again
        Assert.Contains("ControlQueue failed", answer["Logs"]![0]!.GetValue<string>());
        Assert.Null((await hub.Poison.PeekMessageAsync()).Value);

        broken["Metadata"]!["DequeueCount"] = new DurableRuntimeOptions().MaxDeliveryCount;
        (status, _) = await host.InvokeAsync("ControlQueue", broken);
        Assert.Equal(HttpStatusCode.OK, status); // quarantined by the runtime: the host may delete it
        Assert.Equal("not a workflow message", (await hub.Poison.PeekMessageAsync()).Value.Body.ToString());
    }

    [Fact]
    public async Task The_sweeper_timers_run_a_pass_and_answer_in_the_custom_handler_shape()
    {
        await using var app = await CustomHandlerAppAsync();
        var host = new FunctionsHostCalls(app.CreateClient());
        foreach (var function in new[] { "OutboxSweep", "StatusRepair" })
        {
            var (status, answer) = await host.InvokeAsync(function, FunctionsHostCalls.TimerInvocation(function));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal($"{function}: 0 handled", answer["Logs"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_invocation_that_is_not_the_documented_shape_is_a_400()
    {
        await using var app = await CustomHandlerAppAsync();
        var http = app.CreateClient();
        var notJson = await http.PostAsync("/ControlQueue", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var (status, answer) = await new FunctionsHostCalls(http).InvokeAsync("WorkQueue", new JsonObject { ["Data"] = new JsonObject() });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Data.message", answer["Logs"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Standalone_there_are_no_trigger_endpoints_and_the_worker_polls_by_itself()
    {
        await using var app = await CandidateJourneyTests.AppAsync();
        var http = app.CreateClient();
        var response = await http.PostAsync("/ControlQueue", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var id = await CandidateJourneyTests.EnrolAsync(http);
        await CandidateJourneyTests.EventuallyAsync(async () => await CandidateJourneyTests.StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
    }
}
