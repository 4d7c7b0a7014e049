using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Converters;

namespace Apprenticeships.Workflows;

/// <summary>
/// How workflow inputs, outputs, events and statuses are written into the task hub: the same in
/// every host and in the client, with enums as names so the task hub reads plainly in any tool.
/// </summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly DataConverter Converter = new JsonDataConverter(Options);
}
