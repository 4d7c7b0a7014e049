using System.Text.Json;

namespace Apprenticeships.Durable;

/// <summary>How inputs, outputs and events are stored: JSON with web defaults.</summary>
public static class JsonPayload
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static object? Deserialize(string? json, Type type) =>
        json is null ? (type.IsValueType ? Activator.CreateInstance(type) : null) : JsonSerializer.Deserialize(json, type, Options);

    public static T Deserialize<T>(string? json) => (T)Deserialize(json, typeof(T))!;
}
