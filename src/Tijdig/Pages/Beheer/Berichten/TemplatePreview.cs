using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Templates;
using Tijdig.Outbox;

namespace Tijdig.Pages.Beheer.Berichten;

/// <summary>A template rendered for the sample debtor, or the reason it could not be rendered.</summary>
public sealed record TemplatePreview(RenderedMessage? Message, SmsAnalysis? Sms, string? Error, string SampleName, string SampleNumber)
{
    public static TemplatePreview Render(TemplateStore store, TemplateKey key, string source)
    {
        var model = store.SampleModel(key.Language);
        var (message, error) = store.Preview(source, key.Step, key.Channel, key.Language, model);
        var sms = message is not null && key.Channel == MessageChannel.Sms ? SmsEncoding.Analyse(message.TextBody) : null;
        return new TemplatePreview(message, sms, error, model.DebtorName, model.DebtorNumber);
    }
}
