using System.Text.Json.Nodes;

namespace Apprenticeships.Infra.Tests;

/// <summary>infra/main.bicep compiled to its ARM template once, with its resources (those of every module) by type.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    /// <summary>The whole compiled template (main.json).</summary>
    public JsonObject Root { get; private set; } = [];

    public List<JsonObject> Resources { get; } = [];

    /// <summary>The module deployment main.bicep names <paramref name="name"/> (e.g. "storage").</summary>
    public JsonObject Module(string name) => Assert.Single(OfType("Microsoft.Resources/deployments"), d => (string?)d["name"] == name);

    /// <summary>The resources a module's template declares itself.</summary>
    public IEnumerable<JsonObject> ResourcesOf(string module, string type) =>
        (Module(module)["properties"]!["template"]!["resources"] switch
        {
            JsonObject byName => byName.Select(r => r.Value),
            JsonArray list => list,
            _ => [],
        }).OfType<JsonObject>().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    /// <summary>The one resource of <paramref name="type"/> whose name mentions <paramref name="name"/> (names are template expressions).</summary>
    public JsonObject Single(string type, string name) => Assert.Single(OfType(type), r => ((string?)r["name"])!.Contains(name));

    /// <summary>A value, or the module variable it names ("[variables('x')]").</summary>
    public JsonNode Resolve(JsonNode value)
    {
        if (value is not JsonValue text || !text.TryGetValue<string>(out var expression) || !expression.StartsWith("[variables('")) return value;
        var name = expression["[variables('".Length..expression.IndexOf("')", StringComparison.Ordinal)];
        return OfType("Microsoft.Resources/deployments").Select(d => d["properties"]?["template"]?["variables"]?[name]).Single(v => v is not null)!;
    }

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await Bicep.RunAsync("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, output);
        Root = JsonNode.Parse(output[output.IndexOf('{')..])!.AsObject();
        Collect(Root);
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
