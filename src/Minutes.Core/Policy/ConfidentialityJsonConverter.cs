using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minutes.Policy;

/// <summary>A confidentiality level in JSON is the plain number 1, 2 or 3 (07-minutes.json, minutes.json, approvals).</summary>
internal sealed class ConfidentialityJsonConverter : JsonConverter<Confidentiality>
{
    public override Confidentiality Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var level))
        {
            throw new JsonException("confidentiality must be the number 1, 2 or 3.");
        }

        return Confidentiality.TryFrom(level, out var confidentiality)
            ? confidentiality
            : throw new JsonException(Confidentiality.Invalid(level));
    }

    public override void Write(Utf8JsonWriter writer, Confidentiality value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Level);
    }
}
