using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Messaging.Templates;

namespace Tijdig.Letters;

/// <summary>
/// Makes the PDF of a letter message and keeps it as proof: the file under
/// <c>{data}/letters/{sending date}/tijdig-{id}.pdf</c> and a <see cref="Letter"/> row with its SHA-256,
/// sending date and, for the statutory letter, the last day of the term printed in it.
/// </summary>
public sealed class LetterWriter(TijdigDbContext db, DataDirectory dataDirectory, IOptions<LetterSettings> options, DunningEngine engine, BusinessCalendar calendar)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<Letter> WriteAsync(OutboxMessage message, Debtor debtor, RenderedMessage rendered, CancellationToken ct)
    {
        var existing = await db.Letters.FirstOrDefaultAsync(l => l.MessageId == message.Id, ct);
        if (existing is not null)
        {
            return existing;
        }

        var sendingDate = message.BusinessDate;
        var settings = options.Value;
        var english = debtor.Language == "en";
        var dateLine = english
            ? sendingDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : sendingDate.ToString("d MMMM yyyy", Dutch);
        var content = new LetterContent(
            [debtor.Name, debtor.Street ?? "", $"{debtor.Postcode}  {debtor.City?.ToUpperInvariant()}"],
            (english ? "Date: " : "Datum: ") + dateLine,
            rendered.Subject ?? "",
            rendered.TextBody);
        var pdf = LetterPdf.Render(content, settings);

        var relative = Path.Combine("letters", sendingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), message.ClientReference + ".pdf");
        var path = Path.Combine(dataDirectory.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf, ct);

        var letter = new Letter
        {
            DebtorId = debtor.Id,
            MessageId = message.Id,
            Step = message.Step,
            FilePath = relative.Replace('\\', '/'),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            SendingDate = sendingDate,
            TermEndDate = message.Step == MessageSteps.LastChance ? TermEnd(message, sendingDate) : null,
            CreatedAt = calendar.Now,
        };
        db.Letters.Add(letter);
        message.ProviderReference = letter.FilePath;
        return letter;
    }

    // The term the engine stored is the one printed in the letter; a message without one was queued
    // outside the cycle, and the engine's calendar counts the term from the sending date in the same way.
    private DateOnly TermEnd(OutboxMessage message, DateOnly sendingDate) =>
        message.StatutoryTermEnd ?? engine.CalendarFor(engine.PolicyOn(sendingDate)).TermEnd(sendingDate);
}
