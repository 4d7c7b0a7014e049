using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Apprenticeships.Functions.Http;

/// <summary>
/// Writes every decimal as a JSON number with at least two decimal places, so money reads as
/// pounds and pence (1000 is 1000.00, 17500.0 is 17500.00) whichever arithmetic produced it.
/// Money is already exact to the penny, so nothing is rounded here; a rate or fraction with more
/// places (a 0.005 levy rate, a 0.9275 English fraction) keeps them. Reading is unchanged.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // As the built-in converter reads: a number, or a quoted number where the options allow it (the web defaults do).
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)) return number;
        if (reader.TokenType == JsonTokenType.String && options.NumberHandling.HasFlag(JsonNumberHandling.AllowReadingFromString)
            && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var quoted)) return quoted;
        throw new JsonException("Expected a number.");
    }

    // Adding 0.00m raises a decimal's scale to at least two without changing its value.
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value + 0.00m);
}
