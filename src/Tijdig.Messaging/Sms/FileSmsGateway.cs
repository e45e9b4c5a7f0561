using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tijdig.Messaging.Sms;

/// <summary>
/// The Local-mode gateway: writes each SMS once to <c>{outbox}/sms/{clientReference}.json</c> with the
/// fields to, text, segments, encoding, characters, clientReference and sentAt. Sending the same
/// client reference again leaves the first file as it is and reports <see cref="SendStatus.Sent"/>.
/// </summary>
public sealed class FileSmsGateway(string outboxDirectory, TimeProvider timeProvider, ILogger<FileSmsGateway>? logger = null) : ISmsGateway
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly ILogger logger = logger ?? NullLogger<FileSmsGateway>.Instance;

    public string Directory { get; } = Path.Combine(outboxDirectory, "sms");

    public async Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);

        string? invalid = ClientReferences.Validate(message.ClientReference);
        if (invalid is not null)
        {
            return SendOutcome.Permanent(invalid);
        }

        string path = Path.Combine(Directory, message.ClientReference + ".json");
        SmsAnalysis analysis = SmsEncoding.Analyse(message.Text);
        var document = new
        {
            to = message.To,
            text = message.Text,
            segments = analysis.Segments,
            encoding = analysis.Encoding == SmsCharacterEncoding.Gsm7 ? "GSM-7" : "UCS-2",
            characters = analysis.Characters,
            clientReference = message.ClientReference,
            sentAt = timeProvider.GetUtcNow(),
        };

        bool created = await OutboxFiles.WriteOnceAsync(
            path,
            (stream, token) => JsonSerializer.SerializeAsync(stream, document, Json, token),
            ct);

        if (created)
        {
            MessagingLog.SmsWrittenToOutbox(this.logger, message.ClientReference, analysis.Segments);
        }
        else
        {
            MessagingLog.DuplicateClientReference(this.logger, "sms", message.ClientReference);
        }

        return SendOutcome.Sent(message.ClientReference);
    }
}
