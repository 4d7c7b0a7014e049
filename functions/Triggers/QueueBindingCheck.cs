using System.Text.Json.Nodes;
using Apprenticeships.Durable.Storage;

namespace Apprenticeships.Functions.Triggers;

/// <summary>
/// function.json names its queues literally (binding expressions cannot read Durable__TaskHub
/// reliably), so an app deployed with another task hub would never see its own messages. Stop at
/// start-up with the reason instead of running deaf.
/// </summary>
public static class QueueBindingCheck
{
    /// <param name="appRoot">The Functions app folder: one folder per function beside host.json.</param>
    public static void Verify(string appRoot, TaskHub hub)
    {
        foreach (var function in TriggerFunctions.All.OfType<QueueTriggerFunction>())
        {
            var path = Path.Combine(appRoot, function.Name, "function.json");
            if (!File.Exists(path)) continue;
            var bindings = JsonNode.Parse(File.ReadAllText(path))?["bindings"]?.AsArray() ?? [];
            var queueName = bindings.FirstOrDefault(b => (string?)b?["type"] == "queueTrigger")?["queueName"]?.GetValue<string>();
            var expected = function.Queue(hub).Name;
            if (queueName != expected)
            {
                throw new InvalidOperationException(
                    $"{path} listens on queue '{queueName}', but task hub '{hub.Options.TaskHub}' uses '{expected}'. " +
                    "Under the Functions host leave Durable__TaskHub at its default, or change the function.json files to match.");
            }
        }
    }
}
