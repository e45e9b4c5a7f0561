namespace Tijdig.Messaging.Templates;

/// <summary>The channel a template is written for.</summary>
public enum MessageChannel
{
    Sms,
    Email,
    Letter,
}

/// <summary>The keys of the dunning steps that have templates.</summary>
public static class MessageSteps
{
    public const string PreReminder = "pre-reminder";
    public const string FailedDirectDebit = "failed-direct-debit";
    public const string Reminder1 = "reminder-1";
    public const string Reminder2 = "reminder-2";

    /// <summary>The statutory 14-day letter (art. 6:96 lid 6 BW).</summary>
    public const string LastChance = "last-chance";

    public const string Termination = "termination";
    public const string InstalmentReminder = "instalment-reminder";
    public const string BalanceRequest = "balance-request";
    public const string ArrangementConfirmation = "arrangement-confirmation";

    public static IReadOnlyList<string> All { get; } =
    [
        PreReminder, FailedDirectDebit, Reminder1, Reminder2, LastChance, Termination,
        InstalmentReminder, BalanceRequest, ArrangementConfirmation,
    ];
}

/// <summary>One open invoice as a message lists it.</summary>
public sealed record InvoiceLine(string Number, DateOnly DueDate, long AmountCents);

/// <summary>One instalment of a payment arrangement; <paramref name="Number"/> counts from 1.</summary>
public sealed record InstalmentLine(int Number, DateOnly DueDate, long AmountCents);

/// <summary>The data a message template can show. Amounts are in euro cents, dates are Amsterdam business dates.</summary>
public sealed record TemplateModel
{
    public required string DebtorName { get; init; }

    public required string DebtorNumber { get; init; }

    /// <summary>The amount the message requests: the open balance, or the instalment for instalment-reminder.</summary>
    public required long TotalAmountCents { get; init; }

    public IReadOnlyList<InvoiceLine> Invoices { get; init; } = [];

    /// <summary>The Tikkie payment link for <see cref="TotalAmountCents"/>; null when there is none.</summary>
    public string? PaymentLink { get; init; }

    /// <summary>The page where the parent requests a payment arrangement.</summary>
    public required string ArrangementLink { get; init; }

    /// <summary>The collection costs the last-chance notice announces; required for <see cref="MessageSteps.LastChance"/>.</summary>
    public long? CollectionCostsCents { get; init; }

    /// <summary>True when VAT is included in <see cref="CollectionCostsCents"/>; the notice must then say so.</summary>
    public bool CollectionCostsIncludeVat { get; init; }

    /// <summary>The last day of the 14-day term, shown as the expected date next to the legal wording.</summary>
    public DateOnly? ReplyByDate { get; init; }

    public required string OrganisationName { get; init; }

    /// <summary>The date the message is made.</summary>
    public required DateOnly BusinessDate { get; init; }

    /// <summary>The due date the message is about (pre-reminder, instalment); null means the earliest invoice due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The instalments of the arrangement, for arrangement-confirmation.</summary>
    public IReadOnlyList<InstalmentLine> Instalments { get; init; } = [];

    /// <summary>The date the contract ends, for termination.</summary>
    public DateOnly? TerminationDate { get; init; }

    /// <summary>The credit team's phone number for parents who need help; null leaves it out.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>The credit team's e-mail address for parents who need help; null leaves it out.</summary>
    public string? ContactEmail { get; init; }
}

/// <summary>A rendered message: the subject (e-mail and letter only), the plain text and the HTML (e-mail and letter only).</summary>
public sealed record RenderedMessage(string? Subject, string TextBody, string? HtmlBody);

/// <summary>Renders the message of one dunning step.</summary>
public interface ITemplateRenderer
{
    /// <summary>
    /// Renders <paramref name="step"/> (one of <see cref="MessageSteps"/>) for <paramref name="channel"/> in
    /// <paramref name="language"/> (<c>nl</c> or <c>en</c>). Throws <see cref="ArgumentException"/> for an
    /// unknown step or language, and for last-chance without collection costs.
    /// </summary>
    RenderedMessage Render(string step, MessageChannel channel, string language, TemplateModel model);
}
