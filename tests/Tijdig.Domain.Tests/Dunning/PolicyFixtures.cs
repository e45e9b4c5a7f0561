using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;

namespace Tijdig.Domain.Tests.Dunning;

/// <summary>The reference policy (7/21/35 days, the 14-day letter last) and small builders for snapshots.</summary>
internal static class PolicyFixtures
{
    public static DunningPolicy Reference() => new()
    {
        Version = "test",
        PreReminderDaysBeforeDue = 3,
        MinimumAmountCents = 5_00,
        StatutoryTermDays = 14,
        TerminationGraceDays = 5,
        TerminationChannels = [MessageChannel.Email],
        Steps =
        [
            new() { Key = "reminder-1", DaysPastDue = 7, Channels = [MessageChannel.Email, MessageChannel.Sms], SendPaymentRequest = true },
            new() { Key = "reminder-2", DaysPastDue = 21, Channels = [MessageChannel.Email, MessageChannel.Sms], SendPaymentRequest = true },
            new() { Key = "last-chance", DaysPastDue = 35, Channels = [MessageChannel.Email], SendPaymentRequest = true, IsStatutoryNotice = true },
        ],
        PaymentRequestReasonCodes = ["AM04", "MS03", "MS02", "MD06"],
        ManualPaymentReasonCodes = ["AC01", "AC04", "MD01", "MD07"],
        Representation = new() { ReasonCodes = ["AM04", "MS03"], MaxAttempts = 1, PayDayOfMonth = 25, DaysAfterPayDay = 1 },
        PaymentRequestExpiryDays = new() { [PaymentRequestPurpose.Arrears] = 14 },
        InterestRates =
        [
            new() { From = new(2023, 1, 1), PercentPerYear = 4m },
            new() { From = new(2023, 7, 1), PercentPerYear = 6m },
            new() { From = new(2024, 1, 1), PercentPerYear = 7m },
            new() { From = new(2024, 7, 1), PercentPerYear = 7m },
            new() { From = new(2025, 7, 1), PercentPerYear = 6m },
        ],
        ReceiptOffsets = [new() { From = new(2014, 1, 1), PostalDays = 2 }],
    };

    public static DunningEngine Engine(DunningPolicy? policy = null) =>
        new(policy ?? Reference(), CollectionCosts.CalculateCents, d => DutchHolidays.IsGeneralHoliday(d));

    public static DunningEngine Engine(IEnumerable<DunningPolicy> versions) =>
        new(versions, CollectionCosts.CalculateCents, d => DutchHolidays.IsGeneralHoliday(d));

    public static InvoiceSnapshot Invoice(
        string number,
        DateOnly due,
        long openCents = 100_00,
        int level = 0,
        DateOnly? letterSentOn = null,
        bool pending = false) =>
        new(InvoiceIdOf(number), number, due, openCents, level, letterSentOn, null, pending) { AmountCents = openCents };

    public static DebtorSnapshot Debtor(
        IReadOnlyList<InvoiceSnapshot> invoices,
        PaymentMethod method = PaymentMethod.Transfer,
        IReadOnlyList<PauseWindow>? pauses = null,
        IReadOnlyList<ReturnedCollection>? returns = null,
        DateOnly? lastMessage = null,
        bool mobile = true,
        bool email = true) =>
        new(1, "DEB1", method, mobile, email, pauses ?? [], lastMessage, false, invoices, returns ?? []);

    /// <summary>A stable id per invoice number, so that returns can point at invoices.</summary>
    public static long InvoiceIdOf(string number) => long.Parse(number.Replace("F", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
