using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Tijdig.Outbox;

/// <summary>One status of one message as CM reports it; the recipient number is left out on purpose.</summary>
public sealed record CmStatus(string Reference, int Code, string? ErrorCode, string? ErrorDescription);

/// <summary>
/// Parses CM status reports in the JSON form <c>{"messages":{"msg":{"received","to","reference",
/// "status":{"code","errorCode","errorDescription"},"operator"}}}</c> or the XML equivalent
/// (<c>MESSAGES/MSG/REFERENCE</c>, <c>STATUS/CODE</c>). <c>msg</c> may be one object or an array, and
/// the code a number or a string. Returns null when the body is neither.
/// </summary>
public static class CmStatusReports
{
    public static IReadOnlyList<CmStatus>? Parse(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            return ParseXml(trimmed);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return null;
        }

        var msg = root?["messages"]?["msg"];
        IEnumerable<JsonNode?> items = msg switch
        {
            JsonArray array => array,
            JsonObject single => new JsonNode?[] { single },
            _ => [],
        };

        var result = new List<CmStatus>();
        foreach (var item in items)
        {
            var reference = Text(item?["reference"]);
            if (string.IsNullOrEmpty(reference) || !int.TryParse(Text(item?["status"]?["code"]), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return null;
            }

            result.Add(new CmStatus(reference, code, Blank(Text(item?["status"]?["errorCode"])), Blank(Text(item?["status"]?["errorDescription"]))));
        }

        return result.Count == 0 ? null : result;
    }

    private static List<CmStatus>? ParseXml(string body)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }

        var result = new List<CmStatus>();
        foreach (var msg in document.Descendants().Where(e => Is(e, "MSG")))
        {
            var reference = Child(msg, "REFERENCE")?.Value.Trim();
            var status = Child(msg, "STATUS");
            if (string.IsNullOrEmpty(reference) || status is null
                || !int.TryParse(Child(status, "CODE")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                return null;
            }

            result.Add(new CmStatus(reference, code, Blank(Child(status, "ERRORCODE")?.Value), Blank(Child(status, "ERRORDESCRIPTION")?.Value)));
        }

        return result.Count == 0 ? null : result;
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => Is(e, name));

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
