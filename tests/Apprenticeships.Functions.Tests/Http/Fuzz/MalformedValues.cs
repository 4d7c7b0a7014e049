using System.Text;
using System.Text.Json.Nodes;

namespace Apprenticeships.Functions.Tests.Http.Fuzz;

/// <summary>
/// What an attacker or a broken client sends instead of good input: wrong types, huge and
/// control-character strings, dates at the ends of the calendar, numbers for enums, overflowing
/// numbers, nulls. Drawn from a seeded <see cref="Random"/>, so a failure repeats.
/// </summary>
public sealed class MalformedValues(Random random)
{
    private static readonly string Huge = new('x', 1_100_000);

    private static readonly string[] Strings =
    [
        "", " ", "\t", "\u0000", "a\u0000b", "line\nbreak", "\r\n", "\u0007\u0008\u001b", "\u007f\u0085\u009f", "\u202e\u200b",
        "9999-12-31", "0001-01-01", "-0001-01-01", "2026-02-30", "10000-01-01", "2026-13-01", "9999-12", "0001-01", "99-00",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "P99999999D", "P10675199D", "-P1D", "PT0S",
        "7", "-1", "0", "1e400", "NaN", "Infinity", "79228162514264337593543950336",
        "/", "\\", "#", "?", "%", "%00", "..", "../../x", "a/b", "a\\b", "a#b", "a?b", "//evil.example", "/\t/evil.example",
        "<script>alert(1)</script>", "' OR '1'='1", "=cmd|'/c calc'!A1", "😀", "é", "\ud800",
        new string('a', 65), new string('a', 101), new string('a', 255), new string('a', 1001), new string('a', 5000),
    ];

    private static readonly Func<JsonNode?>[] NonStrings =
    [
        () => null, () => true, () => false, () => 0, () => -1, () => 7, () => 123, () => 2147483648L, () => -2147483649L,
        () => 1e308, () => -1e308, () => 0.001, () => 0.005m, () => 1.5, () => 1e28, () => 79228162514264337593543950335m,
        () => JsonNode.Parse("79228162514264337593543950336"), () => JsonNode.Parse("1e400"), () => new JsonArray(), () => new JsonObject(),
        () => new JsonArray(1, "a", null), () => new JsonObject { ["a"] = new JsonObject { ["b"] = 1 } },
    ];

    private static readonly string[] Dates =
    [
        "9999-12-31", "0001-01-01", "1000-01-01", "1899-12-31", "1999-12-31", "2101-01-01", "2026-02-30", "2026-1-1", " 2026-01-01",
        "2026-01-01\n", "10000-01-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
    ];

    private static readonly Func<JsonNode?>[] Money =
    [
        () => 0.001m, () => 0.005m, () => -0.01m, () => -1, () => 0, () => 1e28m, () => 79228162514264337593543950335m,
        () => 9_999_999_999.99m, () => 0.0000000000000000000000000001m, () => 1e308, () => "100",
    ];

    private static readonly Func<JsonNode?>[] Whole = [() => -1, () => 0, () => int.MaxValue, () => int.MinValue, () => 100_000, () => 1.5, () => "12"];

    private static readonly Func<JsonNode?>[] EnumValues = [() => 7, () => 0, () => -1, () => "7", () => "0", () => "Nope", () => "", () => " "];

    /// <summary>A bad value chosen for the field's type half the time, any bad value otherwise.</summary>
    public JsonNode? For(string name, Type type)
    {
        if (random.Next(2) == 0) return Value();
        if (type == typeof(decimal)) return Pick(Money)();
        if (type == typeof(int)) return Pick(Whole)();
        if (type.IsEnum) return Pick(EnumValues)();
        if (type != typeof(string) && type != typeof(List<string>)) return Value();
        return name.Contains("date", StringComparison.OrdinalIgnoreCase) || name == "sessions" ? Pick(Dates)
            : random.Next(10) == 0 ? Huge : String();
    }

    /// <summary>The extremes for a field of this name and type, each sent once with every other field plausible.</summary>
    public static IEnumerable<JsonNode?> Edges(string name, Type type)
    {
        if (type == typeof(decimal)) return [0.001m, -1, 1e28m, 79228162514264337593543950335m];
        if (type == typeof(int)) return [int.MaxValue, int.MinValue];
        if (type == typeof(bool)) return ["yes", 1];
        if (type.IsEnum) return [7, "7"];
        if (type == typeof(List<string>)) return [new JsonArray("9999-12-31"), new JsonArray("0001-01-01"), new JsonArray([.. Enumerable.Range(0, 5000).Select(_ => (JsonNode?)JsonValue.Create("2026-01-01"))])];
        if (name is "asOf" or "from" && type == typeof(string)) return ["9999-12", "0001-01", "9999-12-31", "0001-01-01"];
        if (type == typeof(DateOnly) || name is "to" || name.Contains("date", StringComparison.OrdinalIgnoreCase)) return ["9999-12-31", "0001-01-01"];
        return [Huge, "\u0000", "/line\nbreak", "/\t/evil.example", "\u0007"];
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public int Next(int max) => random.Next(max);

    /// <summary>A bad string: mostly from the list, sometimes a megabyte.</summary>
    public string String() => random.Next(40) == 0 ? Huge : Pick(Strings);

    /// <summary>A bad JSON value of any type.</summary>
    public JsonNode? Value() => random.Next(2) == 0 ? JsonValue.Create(String()) : Pick(NonStrings)();

    /// <summary>A body that is not the object the endpoint reads.</summary>
    public string Body() => random.Next(10) switch
    {
        0 => "",
        1 => "not json",
        2 => "null",
        3 => "[]",
        4 => "42",
        5 => "{",
        6 => Nested(random.Next(2) == 0 ? 70 : 5000),
        7 => "{\"a\":" + new string('[', 100) + new string(']', 100) + "}",
        8 => "\"" + String().Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        _ => "{\"__proto__\":{},\"$type\":\"System.Object\"}",
    };

    /// <summary>A query or path value: the strings above, URL-encoded by the caller.</summary>
    public string Text() => random.Next(20) == 0 ? new string('q', 100_000) : Pick(Strings);

    /// <summary>A bad query value, a date at the ends of the calendar half the time for a date.</summary>
    public string Text(string name) =>
        name is "from" or "to" or "asOf" || name.Contains("date", StringComparison.OrdinalIgnoreCase)
            ? random.Next(2) == 0 ? Pick(Dates) : Text()
            : Text();

    private static string Nested(int depth)
    {
        var json = new StringBuilder();
        for (var i = 0; i < depth; i++) json.Append("{\"a\":");
        json.Append('1');
        for (var i = 0; i < depth; i++) json.Append('}');
        return json.ToString();
    }
}
