using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Templates;

namespace Tijdig.Messaging.Tests.Templates;

public sealed class MessageTemplatesTests
{
    // Realistic worst case for SMS length: a 30-character name, the largest expected amount and a Tikkie link of 60 characters.
    private const string LongName = "Jan-Willem van den Boogaard-Li";
    private const string PaymentLink = "https://tikkie.me/pay/Tijdig/k3Jd8sLq0pWz7nYt5vBx2mRc9fGh4aE";
    private const string ArrangementLink = "https://portaal.zonnebloem.example.nl/betalingsregeling?debiteur=D123456";

    private readonly MessageTemplates templates = new();

    public static TheoryData<string, MessageChannel, string> AllTemplates()
    {
        TheoryData<string, MessageChannel, string> data = new();
        foreach (string step in MessageSteps.All)
        {
            foreach (MessageChannel channel in Enum.GetValues<MessageChannel>())
            {
                foreach (string language in MessageTemplates.Languages)
                {
                    data.Add(step, channel, language);
                }
            }
        }

        return data;
    }

    [Fact]
    public void AllTemplates_CoverEveryStepChannelAndLanguage()
    {
        Assert.Equal(9 * 3 * 2, AllTemplates().Count());
        Assert.Equal(30, LongName.Length);
        Assert.Equal(60, PaymentLink.Length);
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Render_ProducesCompleteMessage(string step, MessageChannel channel, string language)
    {
        RenderedMessage message = this.templates.Render(step, channel, language, Model());

        Assert.DoesNotContain("{{", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(PaymentLink, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(language == "nl" ? "€ 9.999,99" : "€9,999.99", message.TextBody, StringComparison.Ordinal);

        if (channel == MessageChannel.Sms)
        {
            SmsAnalysis analysis = SmsEncoding.Analyse(message.TextBody);
            Assert.Equal(SmsCharacterEncoding.Gsm7, analysis.Encoding);
            Assert.InRange(analysis.Segments, 1, 2);
            Assert.Null(message.Subject);
            Assert.Null(message.HtmlBody);
            return;
        }

        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.DoesNotContain("{{", message.Subject, StringComparison.Ordinal);
        Assert.StartsWith(language == "nl" ? "Beste " + LongName + "," : "Dear " + LongName + ",", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(ArrangementLink, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("D123456", message.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("Kinderopvang De Zonnebloem", message.TextBody, StringComparison.Ordinal);

        Assert.NotNull(message.HtmlBody);
        Assert.Contains($"<a href=\"{PaymentLink}\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ArrangementLink}\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Render_WithoutPaymentLinkStaysComplete(string step, MessageChannel channel, string language)
    {
        RenderedMessage message = this.templates.Render(step, channel, language, Model() with { PaymentLink = null });

        Assert.DoesNotContain("tikkie.me", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(": .", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", message.TextBody, StringComparison.Ordinal);
        if (channel == MessageChannel.Sms)
        {
            Assert.InRange(SmsEncoding.Analyse(message.TextBody).Segments, 1, 2);
        }
        else
        {
            Assert.Contains(ArrangementLink, message.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(MessageChannel.Email)]
    [InlineData(MessageChannel.Letter)]
    public void LastChance_Dutch_StatesLegalElements(MessageChannel channel)
    {
        RenderedMessage message = this.templates.Render(MessageSteps.LastChance, channel, "nl", Model());

        Assert.Contains("binnen 14 dagen na de dag waarop u deze brief heeft ontvangen", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("incassobureau", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("incassokosten", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Die kosten zijn € 875,00.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("in totaal € 10.874,99", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("uiterlijk op 4 december 2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Factuur F2026-1101, vervaldatum 1 november 2026: € 4.999,99", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Factuur F2026-1201, vervaldatum 1 december 2026: € 5.000,00", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("btw", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MessageChannel.Email)]
    [InlineData(MessageChannel.Letter)]
    public void LastChance_English_StatesLegalElements(MessageChannel channel)
    {
        RenderedMessage message = this.templates.Render(MessageSteps.LastChance, channel, "en", Model());

        Assert.Contains("within 14 days after the day on which you received this letter", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("collection agency", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("These costs are €875.00.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("by 4 December 2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Invoice F2026-1101, due 1 November 2026: €4,999.99", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void LastChance_MentionsVatWhenIncluded()
    {
        RenderedMessage message = this.templates.Render(MessageSteps.LastChance, MessageChannel.Letter, "nl", Model() with { CollectionCostsIncludeVat = true });

        Assert.Contains("€ 875,00 (inclusief btw)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void LastChance_WithoutCostsIsRejected()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() =>
            this.templates.Render(MessageSteps.LastChance, MessageChannel.Email, "nl", Model() with { CollectionCostsCents = null }));

        Assert.Contains("CollectionCostsCents", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_InvoiceListBecomesHtmlList()
    {
        RenderedMessage message = this.templates.Render(MessageSteps.Reminder1, MessageChannel.Email, "nl", Model());

        Assert.Contains("<ul>\n<li>Factuur F2026-1101, vervaldatum 1 november 2026: € 4.999,99</li>\n<li>Factuur F2026-1201", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_HtmlEncodesModelText()
    {
        RenderedMessage message = this.templates.Render(MessageSteps.Reminder1, MessageChannel.Email, "nl", Model() with { DebtorName = "<b>Kim & Co</b>" });

        Assert.Contains("Beste &lt;b&gt;Kim &amp; Co&lt;/b&gt;,", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Beste <b>Kim & Co</b>,", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrangementConfirmation_ListsInstalments()
    {
        TemplateModel model = Model() with
        {
            TotalAmountCents = 30_000,
            Instalments =
            [
                new InstalmentLine(1, new DateOnly(2027, 1, 1), 10_000),
                new InstalmentLine(2, new DateOnly(2027, 2, 1), 10_000),
                new InstalmentLine(3, new DateOnly(2027, 3, 1), 10_000),
            ],
        };

        RenderedMessage message = this.templates.Render(MessageSteps.ArrangementConfirmation, MessageChannel.Email, "nl", model);

        Assert.Contains("U betaalt € 300,00 in 3 termijnen:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Termijn 2: € 100,00 op 1 februari 2027", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MessageChannel.Email, "nl", "U betaalt € 100,00 in 1 termijn:")]
    [InlineData(MessageChannel.Email, "en", "You will pay €100.00 in 1 instalment:")]
    [InlineData(MessageChannel.Sms, "nl", "voor € 100,00 in 1 termijn staat vast")]
    [InlineData(MessageChannel.Sms, "en", "for €100.00 in 1 instalment is set")]
    public void ArrangementConfirmation_SingleInstalmentIsSingular(MessageChannel channel, string language, string expected)
    {
        TemplateModel model = Model() with { TotalAmountCents = 10_000, Instalments = [new InstalmentLine(1, new DateOnly(2027, 1, 1), 10_000)] };

        RenderedMessage message = this.templates.Render(MessageSteps.ArrangementConfirmation, channel, language, model);

        Assert.Contains(expected, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Termination_ShowsEndDate()
    {
        RenderedMessage message = this.templates.Render(MessageSteps.Termination, MessageChannel.Email, "nl", Model() with { TerminationDate = new DateOnly(2027, 1, 1) });

        Assert.Contains("beëindigen wij uw contract per 1 januari 2027.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ContactDetailsReplaceFallback()
    {
        TemplateModel model = Model() with { ContactPhone = "020 123 4567", ContactEmail = "debiteuren@zonnebloem.example.nl" };

        RenderedMessage message = this.templates.Render(MessageSteps.Reminder2, MessageChannel.Email, "nl", model);

        Assert.Contains("Bel 020 123 4567. Mail naar debiteuren@zonnebloem.example.nl.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("antwoorden op deze e-mail", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reminder-3", "nl", "step")]
    [InlineData("reminder-1", "de", "language")]
    public void Render_RejectsUnknownKeys(string step, string language, string parameter)
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => this.templates.Render(step, MessageChannel.Email, language, Model()));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void Render_OverrideFileReplacesBuiltIn()
    {
        string directory = Directory.CreateTempSubdirectory("tijdig-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "reminder-1.sms.nl.liquid"), "Eigen tekst voor {{ debtor_name }}: {{ payment_link }}");

            RenderedMessage message = new MessageTemplates(directory).Render(MessageSteps.Reminder1, MessageChannel.Sms, "nl", Model());

            Assert.Equal($"Eigen tekst voor {LongName}: {PaymentLink}", message.TextBody);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(123_456, "nl", "€ 1.234,56")]
    [InlineData(123_456, "en", "€1,234.56")]
    [InlineData(5, "nl", "€ 0,05")]
    [InlineData(100_000_000, "nl", "€ 1.000.000,00")]
    public void Amount_UsesLanguageNotation(long cents, string language, string expected)
    {
        Assert.Equal(expected, MessageFormatting.Amount(cents, language));
    }

    [Theory]
    [InlineData("nl", "4 december 2026")]
    [InlineData("en", "4 December 2026")]
    public void Date_IsWrittenOut(string language, string expected)
    {
        Assert.Equal(expected, MessageFormatting.Date(new DateOnly(2026, 12, 4), language));
    }

    private static TemplateModel Model() => new()
    {
        DebtorName = LongName,
        DebtorNumber = "D123456",
        TotalAmountCents = 999_999,
        Invoices =
        [
            new InvoiceLine("F2026-1101", new DateOnly(2026, 11, 1), 499_999),
            new InvoiceLine("F2026-1201", new DateOnly(2026, 12, 1), 500_000),
        ],
        PaymentLink = PaymentLink,
        ArrangementLink = ArrangementLink,
        CollectionCostsCents = CollectionCosts.CalculateCents(999_999),
        ReplyByDate = new DateOnly(2026, 12, 4),
        OrganisationName = "Kinderopvang De Zonnebloem",
        BusinessDate = new DateOnly(2026, 11, 18),
        Instalments =
        [
            new InstalmentLine(1, new DateOnly(2027, 1, 1), 333_333),
            new InstalmentLine(2, new DateOnly(2027, 2, 1), 333_333),
            new InstalmentLine(3, new DateOnly(2027, 3, 1), 333_333),
        ],
    };
}
