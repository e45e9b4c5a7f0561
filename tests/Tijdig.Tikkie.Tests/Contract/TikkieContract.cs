using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Contract;

/// <summary>
/// The official Tikkie OpenAPI 3.0 document, read with Microsoft.OpenApi and written out as OpenAPI 3.1,
/// whose schemas are JSON Schema 2020-12. JsonSchema.Net could not follow <c>$ref</c>s inside the
/// OpenAPI document itself, so the component schemas are copied into one schema under <c>$defs</c>
/// with their references rewritten, and each response schema is validated against that.
/// </summary>
internal sealed class TikkieContract
{
    private static readonly Uri DocumentUri = new("https://contract.tijdig.test/tikkie-openapi.json");
    private static readonly Lazy<Task<TikkieContract>> Instance = new(LoadAsync);

    private const string ComponentPrefix = "#/components/schemas/";

    private readonly JsonNode document;

    private TikkieContract(JsonNode document) => this.document = document;

    public static Task<TikkieContract> GetAsync() => Instance.Value;

    /// <summary>
    /// Validates a body against the response schema of an operation. With <paramref name="closed"/> the top
    /// level may hold only properties the schema names (plus <paramref name="extraProperties"/>), because
    /// the official schemas leave additional properties open and would accept a misspelt field.
    /// </summary>
    public IReadOnlyList<string> Validate(string pathTemplate, string method, int status, string body, bool closed = true, params string[] extraProperties)
    {
        var pointer = ResponseSchemaPointer(pathTemplate, method, status);
        return ValidateAgainst(pointer, body, closed, extraProperties);
    }

    /// <summary>Validates a body against a named schema under <c>components/schemas</c>.</summary>
    public IReadOnlyList<string> ValidateComponent(string schemaName, string body) =>
        ValidateAgainst("/components/schemas/" + schemaName, body, closed: false, []);

    /// <summary>Returns true when the document declares no body for this response (for example a 204).</summary>
    public bool HasNoBody(string pathTemplate, string method, int status)
    {
        var (response, _) = Response(pathTemplate, method, status);
        return response["content"] is null;
    }

    private IReadOnlyList<string> ValidateAgainst(string pointer, string body, bool closed, string[] extraProperties)
    {
        var target = Resolve(pointer)!.DeepClone();
        RewriteReferences(target);
        var wrapper = new JsonObject { ["allOf"] = new JsonArray(target) };
        if (closed)
        {
            var properties = new JsonObject();
            foreach (var name in extraProperties)
            {
                properties[name] = new JsonObject();
            }

            wrapper["properties"] = properties;
            wrapper["unevaluatedProperties"] = false;
        }

        var schema = JsonSchema.FromText(wrapper.ToJsonString());
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var result = schema.Evaluate(JsonNode.Parse(body), options);
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(detail => detail.HasErrors)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Key} {error.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    private string ResponseSchemaPointer(string pathTemplate, string method, int status)
    {
        var (response, pointer) = Response(pathTemplate, method, status);
        if (response["content"]?["application/json"]?["schema"] is null)
        {
            throw new InvalidOperationException($"{method} {pathTemplate} {status} has no JSON schema in the contract.");
        }

        return pointer + "/content/application~1json/schema";
    }

    private (JsonNode Response, string Pointer) Response(string pathTemplate, string method, int status)
    {
        var pointer = $"/paths/{Escape(pathTemplate)}/{method.ToLowerInvariant()}/responses/{status}";
        var response = Resolve(pointer) ?? throw new InvalidOperationException($"The contract has no response {status} for {method} {pathTemplate}.");

        // A response is usually a $ref into components/responses; follow it so the pointer names the real node.
        while (response["$ref"]?.GetValue<string>() is { } reference)
        {
            pointer = reference.TrimStart('#');
            response = Resolve(pointer) ?? throw new InvalidOperationException($"Unresolved reference {reference}.");
        }

        return (response, pointer);
    }

    private JsonNode? Resolve(string pointer)
    {
        JsonNode? node = document;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }

    // "#/components/schemas/X" becomes an absolute reference into the registered $defs schema.
    private static void RewriteReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                {
                    obj["$ref"] = DocumentUri.AbsoluteUri + "#/$defs/" + reference[ComponentPrefix.Length..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RewriteReferences(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child);
                }

                break;
        }
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static async Task<TikkieContract> LoadAsync()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        await using var stream = File.OpenRead(SharedFiles.Path("schemas", "tikkie", "TikkieAPI_v2.3.3.yaml"));
        var result = await OpenApiDocument.LoadAsync(stream, "yaml", settings);
        if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
        {
            throw new InvalidOperationException("The Tikkie OpenAPI document did not load: " + string.Join("; ", result.Diagnostic?.Errors.Select(error => error.Message) ?? []));
        }

        var json = await result.Document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
        var document = JsonNode.Parse(json)!;
        var definitions = document["components"]!["schemas"]!.DeepClone();
        RewriteReferences(definitions);
        var schemaDocument = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = DocumentUri.AbsoluteUri,
            ["$defs"] = definitions,
        };
        SchemaRegistry.Global.Register(JsonSchema.FromText(schemaDocument.ToJsonString()));
        return new TikkieContract(document);
    }
}
