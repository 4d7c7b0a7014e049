using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>
/// Plays the Azure Functions host's part against an app in custom-handler mode, with the
/// documented payloads: takes a message off a real task-hub queue and POSTs it to the queue
/// function, deleting it only after a 2xx answer (as the host does); fires timer functions; and
/// forwards HTTP requests with the headers the host adds.
/// </summary>
internal sealed class FunctionsHostCalls(HttpClient app)
{
    public HttpClient App => app;

    /// <summary>An HTTP request as the host forwards it (enableForwardingHttpRequest): same path, method and body.</summary>
    public Task<HttpResponseMessage> ForwardAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.0");
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.0");
        return app.SendAsync(request);
    }

    /// <summary>Delivers the next message of <paramref name="queue"/> to <paramref name="function"/>; false when the queue is empty.</summary>
    public async Task<bool> DeliverNextAsync(QueueClient queue, string function)
    {
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        if (received is null) return false;
        var (status, answer) = await InvokeAsync(function, QueueInvocation(received));
        Assert.True(status == HttpStatusCode.OK, $"{function} answered {status}: {answer}");
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        return true;
    }

    /// <summary>
    /// The body the host POSTs for a queue trigger. The host JSON-encodes the message text once
    /// more (its payload builder serialises string inputs), so Data.message is a JSON string of a
    /// JSON string; Metadata carries the message's properties and the system values.
    /// </summary>
    public static JsonObject QueueInvocation(QueueMessage message, bool asDocumented = false, long? dequeueCount = null) => new()
    {
        ["Data"] = new JsonObject
        {
            ["message"] = asDocumented ? message.Body.ToString() : JsonSerializer.Serialize(message.Body.ToString()),
        },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount ?? message.DequeueCount,
            ["ExpirationTime"] = message.ExpiresOn?.ToString("O"),
            ["Id"] = message.MessageId,
            ["InsertionTime"] = message.InsertedOn?.ToString("O"),
            ["NextVisibleTime"] = message.NextVisibleOn?.ToString("O"),
            ["PopReceipt"] = message.PopReceipt,
            ["sys"] = new JsonObject { ["MethodName"] = "ControlQueue", ["UtcNow"] = DateTime.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    };

    /// <summary>The body the host POSTs for a timer trigger: the TimerInfo under the binding name.</summary>
    public static JsonObject TimerInvocation(string function) => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject { ["Last"] = DateTime.UtcNow.AddSeconds(-5).ToString("O"), ["Next"] = DateTime.UtcNow.AddSeconds(5).ToString("O") },
                ["IsPastDue"] = false,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = DateTime.UtcNow.ToString("O") } },
    };

    public async Task FireTimerAsync(string function)
    {
        var (status, answer) = await InvokeAsync(function, TimerInvocation(function));
        Assert.True(status == HttpStatusCode.OK, $"{function} answered {status}: {answer}");
    }

    /// <summary>POSTs an invocation to /{function} and returns the status and the custom-handler answer.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Answer)> InvokeAsync(string function, JsonObject invocation)
    {
        var response = await app.PostAsync($"/{function}", new StringContent(invocation.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, answer);
    }

    /// <summary>Delivers control- and work-queue messages until <paramref name="done"/> holds, like the host's two queue listeners.</summary>
    public async Task PumpUntilAsync(QueueClient control, QueueClient work, Func<Task<bool>> done, string what)
    {
        for (var round = 0; round < 200; round++)
        {
            if (await done()) return;
            var delivered = await DeliverNextAsync(control, "ControlQueue") | await DeliverNextAsync(work, "WorkQueue");
            if (!delivered) await Task.Delay(50);
        }
        throw new TimeoutException($"Gave up delivering messages before: {what}");
    }
}
