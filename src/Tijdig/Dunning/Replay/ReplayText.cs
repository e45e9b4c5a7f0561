using System.Globalization;
using System.Text;
using Tijdig.Domain;
using Tijdig.Domain.Dunning.Replay;
using Tijdig.Domain.Messaging;

namespace Tijdig.Dunning.Replay;

/// <summary>The replay report as Dutch text for the terminal, the two policies side by side.</summary>
public static class ReplayText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Format(PolicyReplayReport report)
    {
        var text = new StringBuilder();
        var active = report.Active;
        var candidate = report.Candidate;
        text.AppendLine(Dutch, $"Wat-als-herhaling van {report.From:yyyy-MM-dd} tot en met {report.To:yyyy-MM-dd} ({report.Months} maanden, {report.Invoices} facturen, seed {report.Seed})");
        text.AppendLine();
        Row(text, "", "Actief " + active.PolicyVersion, "Kandidaat " + candidate.PolicyVersion);
        Row(text, "Openstaand aan het eind", Money.Format(active.OpenCentsAtEnd), Money.Format(candidate.OpenCentsAtEnd));
        Row(text, "  waarvan vervallen", Money.Format(active.OverdueCentsAtEnd), Money.Format(candidate.OverdueCentsAtEnd));
        Row(text, "DSO (dagen)", active.DaysSalesOutstanding.ToString("0.0", Dutch), candidate.DaysSalesOutstanding.ToString("0.0", Dutch));
        Row(text, "Gemiddeld dagen tot betaling", active.AverageDaysToPay.ToString("0.0", Dutch), candidate.AverageDaysToPay.ToString("0.0", Dutch));
        Row(text, "Berichten verstuurd", Count(active.MessagesSent), Count(candidate.MessagesSent));
        foreach (var step in active.MessagesByStep.Keys.Union(candidate.MessagesByStep.Keys).Order(StringComparer.Ordinal))
        {
            Row(text, "  stap " + step, Count(active.MessagesByStep.GetValueOrDefault(step)), Count(candidate.MessagesByStep.GetValueOrDefault(step)));
        }

        foreach (var channel in Enum.GetValues<MessageChannel>())
        {
            Row(text, "  kanaal " + ChannelName(channel), Count(active.MessagesByChannel.GetValueOrDefault(channel)), Count(candidate.MessagesByChannel.GetValueOrDefault(channel)));
        }

        Row(text, "Vorderingen aangemaakt", Count(active.ClaimsCreated), Count(candidate.ClaimsCreated));
        text.AppendLine();

        var behaviour = report.Behaviour;
        text.AppendLine(Dutch, $"Geschatte betaalkansen: betaald binnen {behaviour.PaidWithinDays} dagen na het bericht; een cel met minder dan {behaviour.MinimumObservations} waarnemingen valt terug op stap en kanaal, dan op de stap.");
        text.AppendLine(Dutch, $"  {"Op tijd betaald",-44} {behaviour.PaidOnTimeRate.ToString("P1", Dutch),8}  n = {behaviour.PaidOnTimeObservations}");
        foreach (var cell in behaviour.Cells)
        {
            text.AppendLine(Dutch, $"  {Describe(cell),-44} {cell.Rate.ToString("P1", Dutch),8}  n = {cell.Observations}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Describes a cell in Dutch: "reminder-1, sms, segment late-payer".</summary>
    public static string Describe(PaidRateCell cell) => cell.Level switch
    {
        RateLevel.StepChannelSegment => $"{cell.Step}, {ChannelName(cell.Channel)}, segment {cell.Segment ?? "standaard"}",
        RateLevel.StepChannel => $"{cell.Step}, {ChannelName(cell.Channel)}, alle segmenten",
        _ => $"{cell.Step}, alle kanalen",
    };

    public static string ChannelName(MessageChannel? channel) => channel switch
    {
        MessageChannel.Sms => "sms",
        MessageChannel.Email => "e-mail",
        MessageChannel.Letter => "brief",
        _ => "alle kanalen",
    };

    private static string Count(int value) => value.ToString("N0", Dutch);

    private static void Row(StringBuilder text, string label, string active, string candidate) =>
        text.AppendLine(Dutch, $"{label,-32} {active,22} {candidate,22}");
}
