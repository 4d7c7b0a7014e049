using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.Memory;

namespace Apprenticeships.Functions.Hosting;

/// <summary>
/// host.json states the Durable Task settings once (extensions.durableTask, as Durable Functions
/// reads them); this puts them into the configuration section "Durable" that the in-process
/// engine and the business clock read, beneath every other source so a setting such as
/// Durable__TaskHub still overrides them.
/// </summary>
public static class HostJson
{
    public const string FileName = "host.json";

    public static IConfigurationBuilder AddDurableTaskSettingsFromHostJson(this IConfigurationBuilder configuration, string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{FileName} belongs beside the app ({folder}); the build copies it there.", path);
        var durable = JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["durableTask"];
        var storage = durable?["storageProvider"];
        var settings = new Dictionary<string, string?>
        {
            ["Durable:TaskHub"] = Text(durable?["hubName"]),
            ["Durable:MaxConcurrentActivities"] = Text(durable?["maxConcurrentActivityFunctions"]),
            ["Durable:MaxConcurrentOrchestrations"] = Text(durable?["maxConcurrentOrchestratorFunctions"]),
            ["Durable:ExtendedSessions"] = Text(durable?["extendedSessionsEnabled"]),
            ["Durable:PartitionCount"] = Text(storage?["partitionCount"]),
            ["Durable:MaxQueuePollingInterval"] = Text(storage?["maxQueuePollingInterval"]),
            ["Durable:ControlQueueVisibilityTimeout"] = Text(storage?["controlQueueVisibilityTimeout"]),
            ["Durable:WorkItemQueueVisibilityTimeout"] = Text(storage?["workItemQueueVisibilityTimeout"]),
        };
        var source = new MemoryConfigurationSource { InitialData = settings.Where(s => s.Value is not null) };
        configuration.Sources.Insert(0, source);
        return configuration;
    }

    private static string? Text(JsonNode? value) => value is null ? null : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
