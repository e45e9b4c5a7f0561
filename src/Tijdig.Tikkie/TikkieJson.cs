using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tijdig.Tikkie;

/// <summary>
/// JSON settings of the Tikkie wire format: camelCase names, upper snake case enums, nulls left out,
/// dates as <c>yyyy-MM-dd</c> and timestamps as UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.
/// </summary>
public static class TikkieJson
{
    /// <summary>Shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new TikkieTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// Writes timestamps in the documented UTC millisecond format. Reading is lenient, because some
/// published fixtures use <c>2022-08-31 11:22:33</c>; a value without offset is taken as UTC.
/// </summary>
public sealed class TikkieTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format Tikkie documents for every timestamp.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException($"Invalid Tikkie timestamp '{text}'; expected {Format}.");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToWire(value));

    /// <summary>Formats a timestamp the way Tikkie sends and expects it.</summary>
    public static string ToWire(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
