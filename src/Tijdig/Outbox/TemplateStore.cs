using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Templates;
using TemplateChannel = Tijdig.Messaging.Templates.MessageChannel;

namespace Tijdig.Outbox;

public sealed record TemplateSaveResult(int? Version, IReadOnlyList<string> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>
/// Message templates with versions in the database, falling back to the built-in defaults. Saving a
/// version checks that it parses, renders for a sample debtor and, for SMS, stays within
/// <see cref="MaxSmsSegments"/> segments.
/// </summary>
public sealed class TemplateStore(TijdigDbContext db, ITemplateRenderer renderer, DunningEngine engine, BusinessCalendar calendar)
{
    /// <summary>The policy limit of parts per SMS: two, so a reminder never costs more than two messages.</summary>
    public const int MaxSmsSegments = 2;

    private MessageTemplates Templates => renderer as MessageTemplates
        ?? throw new InvalidOperationException("Templates from the database need the Fluid renderer (MessageTemplates).");

    // The newest version per step, channel and language, read once per scope: a dispatch batch renders
    // the same few templates many times. Saving a version clears it.
    private readonly Dictionary<(string Step, TemplateChannel Channel, string Language), MessageTemplateVersion?> newestVersions = [];

    public async Task<MessageTemplateVersion?> CurrentAsync(string step, TemplateChannel channel, string language, CancellationToken ct)
    {
        if (newestVersions.TryGetValue((step, channel, language), out var cached))
        {
            return cached;
        }

        var domainChannel = ToDomain(channel);
        var version = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Step == step && t.Channel == domainChannel && t.Language == language)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(ct);
        newestVersions[(step, channel, language)] = version;
        return version;
    }

    /// <summary>Returns the source in use: the newest saved version, or the built-in default.</summary>
    public async Task<string> CurrentSourceAsync(string step, TemplateChannel channel, string language, CancellationToken ct) =>
        (await CurrentAsync(step, channel, language, ct))?.Source ?? Templates.DefaultSource(step, channel, language);

    public async Task<RenderedMessage> RenderAsync(string step, TemplateChannel channel, string language, TemplateModel model, CancellationToken ct)
    {
        var current = await CurrentAsync(step, channel, language, ct);
        return current is null ? renderer.Render(step, channel, language, model) : Templates.RenderSource(current.Source, step, channel, language, model);
    }

    /// <summary>Renders <paramref name="source"/> for <paramref name="model"/>; invalid Liquid becomes an error text.</summary>
    public (RenderedMessage? Message, string? Error) Preview(string source, string step, TemplateChannel channel, string language, TemplateModel model)
    {
        try
        {
            return (Templates.RenderSource(source, step, channel, language, model), null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or Fluid.ParseException)
        {
            return (null, exception.Message);
        }
    }

    public async Task<TemplateSaveResult> SaveAsync(string step, TemplateChannel channel, string language, string source, string? user, CancellationToken ct)
    {
        var errors = Validate(source, step, channel, language);
        if (errors.Count > 0)
        {
            return new TemplateSaveResult(null, errors);
        }

        newestVersions.Remove((step, channel, language));
        var current = await CurrentAsync(step, channel, language, ct);
        var version = new MessageTemplateVersion
        {
            Step = step,
            Channel = ToDomain(channel),
            Language = language,
            Version = (current?.Version ?? 0) + 1,
            Source = source,
            CreatedAt = calendar.Now,
            CreatedBy = user,
        };
        db.MessageTemplates.Add(version);
        await db.SaveChangesAsync(ct);
        newestVersions.Remove((step, channel, language));
        return new TemplateSaveResult(version.Version, []);
    }

    public List<string> Validate(string source, string step, TemplateChannel channel, string language)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add("De template is leeg.");
            return errors;
        }

        var (message, error) = Preview(source, step, channel, language, SampleModel(language));
        if (message is null)
        {
            errors.Add("De template is ongeldig: " + error);
            return errors;
        }

        if (channel == TemplateChannel.Sms)
        {
            var analysis = SmsEncoding.Analyse(message.TextBody);
            if (analysis.Segments > MaxSmsSegments)
            {
                errors.Add($"De sms wordt {analysis.Segments} delen ({analysis.Characters} tekens, {analysis.Encoding}); het maximum is {MaxSmsSegments}. Maak de tekst korter.");
            }
        }
        else if (string.IsNullOrWhiteSpace(message.Subject))
        {
            errors.Add("Het onderwerp ontbreekt: voeg een sectie '=== subject ===' toe.");
        }

        return errors;
    }

    /// <summary>A sample debtor with a long name and real-length links, so the segment check is on the safe side.</summary>
    public TemplateModel SampleModel(string language)
    {
        var today = calendar.Today;
        return new TemplateModel
        {
            DebtorName = "Anna de Vries-van den Berg",
            DebtorNumber = "D1234567",
            TotalAmountCents = 1_234_56,
            Invoices = [new InvoiceLine("F2026-000123", today.AddDays(-21), 1_100_00), new InvoiceLine("F2026-000145", today.AddDays(-7), 134_56)],
            PaymentLink = "https://tikkie.me/pay/Tijdig/k3Jd8sLq0pWz7nYt5vBx2mRc9fGh4aE",
            ArrangementLink = "https://portaal.example.nl/betalingsregeling?d=D1234567&e=20261231&sig=Q2hhbmdlTWVUb0FSZWFsU2lnbmF0dXJlMTIzNDU2Nzg",
            OrganisationName = "Kinderopvang De Vlinder",
            BusinessDate = today,
            DueDate = today.AddDays(3),
            CollectionCostsCents = Tijdig.Messaging.CollectionCosts.CalculateCents(1_234_56),
            ReplyByDate = engine.CalendarFor(engine.PolicyOn(today)).TermEnd(today),
            Instalments = [new InstalmentLine(1, today.AddDays(14), 411_52), new InstalmentLine(2, today.AddDays(44), 411_52), new InstalmentLine(3, today.AddDays(74), 411_52)],
            TerminationDate = today.AddDays(30),
        };
    }

    public static Domain.Messaging.MessageChannel ToDomain(TemplateChannel channel) => channel switch
    {
        TemplateChannel.Sms => Domain.Messaging.MessageChannel.Sms,
        TemplateChannel.Email => Domain.Messaging.MessageChannel.Email,
        _ => Domain.Messaging.MessageChannel.Letter,
    };
}
