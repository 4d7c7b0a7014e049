using System.Text.Json.Nodes;

namespace Apprenticeships.Infra.Tests;

/// <summary>infra/main.bicep compiled to its ARM template once, with its resources (those of every module) by type.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    public List<JsonObject> Resources { get; } = [];

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await Bicep.RunAsync("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, output);
        Collect(JsonNode.Parse(output[output.IndexOf('{')..])!);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Resources sit in arrays or (language version 2.0) in objects keyed by symbolic name, nested in module deployments.</summary>
    private void Collect(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is JsonValue type && type.TryGetValue<string>(out _) && o["apiVersion"] is not null) Resources.Add(o);
                foreach (var (_, child) in o) if (child is not null) Collect(child);
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) Collect(child);
                break;
        }
    }
}
