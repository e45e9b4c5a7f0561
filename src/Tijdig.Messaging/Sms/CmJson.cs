using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tijdig.Messaging.Sms;

internal static class CmJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>The request envelope of the CM Business Messaging API: <c>{ "messages": { "authentication", "msg": [...] } }</c>.</summary>
internal sealed record CmRequest([property: JsonPropertyName("messages")] CmRequestMessages Messages)
{
    public static CmRequest Create(SmsOptions options, string number, string text, string reference) =>
        new(new CmRequestMessages(
            new CmAuthentication(options.ProductToken),
            [
                new CmMessage(
                    AllowedChannels: ["SMS"],
                    From: options.Sender,
                    To: [new CmRecipient(number)],
                    Body: new CmBody("auto", text),
                    Reference: reference,
                    MinimumNumberOfMessageParts: 1,
                    MaximumNumberOfMessageParts: options.MaximumParts),
            ]));
}

internal sealed record CmRequestMessages(
    [property: JsonPropertyName("authentication")] CmAuthentication Authentication,
    [property: JsonPropertyName("msg")] IReadOnlyList<CmMessage> Msg);

internal sealed record CmAuthentication([property: JsonPropertyName("producttoken")] string ProductToken);

internal sealed record CmMessage(
    [property: JsonPropertyName("allowedChannels")] IReadOnlyList<string> AllowedChannels,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] IReadOnlyList<CmRecipient> To,
    [property: JsonPropertyName("body")] CmBody Body,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("minimumNumberOfMessageParts")] int MinimumNumberOfMessageParts,
    [property: JsonPropertyName("maximumNumberOfMessageParts")] int MaximumNumberOfMessageParts);

internal sealed record CmRecipient([property: JsonPropertyName("number")] string Number);

internal sealed record CmBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("content")] string Content);

/// <summary>The response: <c>{ details, errorCode, messages: [ { to, status, reference, parts, messageDetails, messageErrorCode } ] }</c>.</summary>
internal sealed record CmResponse(
    [property: JsonPropertyName("details")] string? Details,
    [property: JsonPropertyName("errorCode")] int? ErrorCode,
    [property: JsonPropertyName("messages")] IReadOnlyList<CmResponseMessage>? Messages);

internal sealed record CmResponseMessage(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("reference")] string? Reference,
    [property: JsonPropertyName("parts")] int? Parts,
    [property: JsonPropertyName("messageDetails")] string? MessageDetails,
    [property: JsonPropertyName("messageErrorCode")] int? MessageErrorCode);
