using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Tijdig.Messaging.Sms;

namespace Tijdig.Messaging.Templates;

/// <summary>
/// Renders the dunning messages with Fluid (Liquid). Each step, channel and language has one template,
/// <c>{step}.{channel}.{language}.liquid</c>, built in as an embedded resource and replaceable by a file
/// of the same name in an override folder. An e-mail or letter template has the sections
/// <c>=== subject ===</c> and <c>=== text ===</c>, and optionally <c>=== html ===</c>; without it the HTML
/// is made from the text, with paragraphs, lists and clickable links. An SMS template is only the text.
/// </summary>
/// <remarks>
/// Template variables (all text, already formatted for the language): debtor_name, debtor_number,
/// total_amount, invoices (number, due_date, amount), invoice_count, payment_link, arrangement_link,
/// collection_costs, collection_costs_include_vat, total_with_costs, reply_by_date, organisation_name,
/// business_date, due_date, instalments (number, due_date, amount), instalment_count, termination_date,
/// contact_phone, contact_email. A missing optional value is nil.
/// </remarks>
public sealed partial class MessageTemplates : ITemplateRenderer
{
    private const string ResourcePrefix = "Tijdig.Messaging.Templates.Defaults.";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().Build();

    private readonly string? overrideDirectory;
    private readonly ConcurrentDictionary<string, ParsedTemplate> cache = new(StringComparer.Ordinal);

    /// <param name="overrideDirectory">A folder whose template files replace the built-in ones; null or empty for none.</param>
    public MessageTemplates(string? overrideDirectory = null)
    {
        this.overrideDirectory = string.IsNullOrWhiteSpace(overrideDirectory) ? null : overrideDirectory;
    }

    public static IReadOnlyList<string> Languages { get; } = ["nl", "en"];

    /// <inheritdoc/>
    /// <remarks>The language is compared without regard to case, so <c>NL</c> works as <c>nl</c>.</remarks>
    public RenderedMessage Render(string step, MessageChannel channel, string language, TemplateModel model)
    {
        language = CheckArguments(step, language, model);
        ParsedTemplate template = this.cache.GetOrAdd(TemplateName(step, channel, language), this.Load);
        return Render(template, channel, language, model);
    }

    /// <summary>
    /// Renders <paramref name="source"/>, a template in the file format of the built-in ones, in place of
    /// the built-in template; for templates kept in a database. Throws <see cref="ArgumentException"/>
    /// as <see cref="Render"/> does and <see cref="InvalidOperationException"/> for invalid Liquid.
    /// </summary>
    public RenderedMessage RenderSource(string source, string step, MessageChannel channel, string language, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(source);

        language = CheckArguments(step, language, model);
        ParsedTemplate template = this.cache.GetOrAdd("source:" + source, _ => Parse("the saved template", source));
        return Render(template, channel, language, model);
    }

    /// <summary>Returns the source of the built-in template, or of its override file when there is one.</summary>
    public string DefaultSource(string step, MessageChannel channel, string language) =>
        this.ReadSource(TemplateName(step, channel, language.Trim().ToLowerInvariant()));

    private static string CheckArguments(string step, string language, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        if (!MessageSteps.All.Contains(step))
        {
            throw new ArgumentException($"Unknown step '{step}'. Valid steps: {string.Join(", ", MessageSteps.All)}.", nameof(step));
        }

        language = language?.Trim().ToLowerInvariant() ?? "";
        if (!Languages.Contains(language))
        {
            throw new ArgumentException($"Unknown language '{language}'. Valid languages: nl, en.", nameof(language));
        }

        if (step == MessageSteps.LastChance && model.CollectionCostsCents is null)
        {
            throw new ArgumentException("The last-chance notice must state the exact collection costs: set CollectionCostsCents.", nameof(model));
        }

        return language;
    }

    private static RenderedMessage Render(ParsedTemplate template, MessageChannel channel, string language, TemplateModel model)
    {
        TemplateContext context = new(TemplateVariables.Create(model, language), Options);

        string text = Render(template.Text, context);
        if (channel == MessageChannel.Sms)
        {
            return new RenderedMessage(null, NormaliseSms(text), null);
        }

        string subject = WhitespaceRun().Replace(Render(template.Subject, context), " ").Trim();
        text = NormaliseText(text);
        string html = template.Html is null
            ? HtmlLayout.FromText(subject, text, language)
            : template.Html.Render(new TemplateContext(TemplateVariables.Create(model, language), Options), System.Text.Encodings.Web.HtmlEncoder.Default);
        return new RenderedMessage(subject, text, html);
    }

    /// <summary>Returns the file name of a template, for example <c>reminder-1.email.nl.liquid</c>.</summary>
    public static string TemplateName(string step, MessageChannel channel, string language) =>
        $"{step}.{channel.ToString().ToLowerInvariant()}.{language}.liquid";

    private static string Render(IFluidTemplate? template, TemplateContext context) =>
        template is null ? "" : template.Render(context, NullEncoder.Default);

    private ParsedTemplate Load(string name) => Parse(name, this.ReadSource(name));

    private static ParsedTemplate Parse(string name, string source)
    {
        Dictionary<string, string> sections = TemplateSections.Split(source);

        return new ParsedTemplate(
            ParseSection(name, sections, "subject"),
            ParseSection(name, sections, "text") ?? throw new InvalidOperationException($"Template {name} is missing its text: add a '=== text ===' section."),
            ParseSection(name, sections, "html"));
    }

    private string ReadSource(string name)
    {
        if (this.overrideDirectory is not null)
        {
            string path = Path.Combine(this.overrideDirectory, name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        using Stream stream = typeof(MessageTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Built-in template {name} is missing.");
        using StreamReader reader = new(stream);
        return reader.ReadToEnd();
    }

    private static IFluidTemplate? ParseSection(string name, Dictionary<string, string> sections, string section)
    {
        if (!sections.TryGetValue(section, out string? source))
        {
            return null;
        }

        if (!Parser.TryParse(source, out IFluidTemplate? template, out string? error))
        {
            throw new InvalidOperationException($"Template {name}, section {section}, is invalid Liquid: {error}");
        }

        return template;
    }

    // Liquid tags leave blank lines and trailing spaces behind, so they are removed before sending.
    private static string NormaliseText(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string joined = string.Join('\n', lines.Select(line => line.TrimEnd()));
        return ThreeOrMoreNewlines().Replace(joined, "\n\n").Trim();
    }

    // An SMS is one paragraph, because line breaks and double spaces would only cost characters.
    private static string NormaliseSms(string text) =>
        SmsEncoding.ReplaceTypographicPunctuation(WhitespaceRun().Replace(text, " ").Trim());

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ThreeOrMoreNewlines();

    private sealed record ParsedTemplate(IFluidTemplate? Subject, IFluidTemplate Text, IFluidTemplate? Html);
}
