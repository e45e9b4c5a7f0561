using System.Globalization;
using System.Text;
using Tijdig.Cli;
using Tijdig.Hosting;

namespace Tijdig.Access;

/// <summary>
/// The command-line verbs that manage back-office users. Passwords are read from standard input,
/// never from an option, so they do not end up in shell history or the process list.
/// </summary>
public static class UserVerbs
{
    public const string Usage = """
          users add NAME [--display-name TEXT]    add a back-office user; the password is read from standard input
          users password NAME                     set a new password (ends that user's sessions)
          users remove NAME                       remove a user
          users list                              the users, with their last sign-in
        """;

    public static async Task<int> RunAsync(CommandLine line, IServiceProvider services, TextReader input, TextWriter output, CancellationToken ct)
    {
        var users = services.GetRequiredService<BackOfficeUsers>();
        switch (line.Word(1))
        {
            case "add":
                var name = RequireName(line);
                var password = await ReadPasswordAsync(input, output);
                var user = await users.AddAsync(name, line.Option("display-name"), password, ct);
                await output.WriteLineAsync($"Gebruiker '{user.UserName}' is aangemaakt. Vanaf nu moet iedereen inloggen op de backoffice.");
                return 0;

            case "password":
                var target = RequireName(line);
                await users.SetPasswordAsync(target, await ReadPasswordAsync(input, output), ct);
                await output.WriteLineAsync($"Het wachtwoord van '{target.ToLowerInvariant()}' is gewijzigd; open sessies van deze gebruiker zijn beëindigd.");
                return 0;

            case "remove":
                var removed = RequireName(line);
                await users.RemoveAsync(removed, ct);
                await output.WriteLineAsync($"Gebruiker '{removed.ToLowerInvariant()}' is verwijderd.");
                return 0;

            case "list":
                await ListAsync(users, services.GetRequiredService<BusinessCalendar>().Now, output, ct);
                return 0;

            default:
                throw new UsageException("Onbekende opdracht: gebruik 'users add NAME', 'users password NAME', 'users remove NAME' of 'users list' (unknown users verb).");
        }
    }

    private static async Task ListAsync(BackOfficeUsers users, DateTimeOffset now, TextWriter output, CancellationToken ct)
    {
        var all = await users.ListAsync(ct);
        if (all.Count == 0)
        {
            await output.WriteLineAsync("Er zijn nog geen gebruikers: de backoffice is zonder inloggen te openen vanaf toegestane netwerken.");
            return;
        }

        foreach (var user in all)
        {
            var lastSignIn = user.LastSignInAt is { } signedIn
                ? BackOfficeUsers.InAmsterdam(signedIn).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                : "nooit";
            var locked = user.LockedUntil is { } until && until > now ? " (geblokkeerd)" : "";
            await output.WriteLineAsync($"{user.UserName,-24} {user.DisplayName,-30} laatst ingelogd: {lastSignIn}{locked}");
        }
    }

    private static string RequireName(CommandLine line) =>
        line.Word(2) ?? throw new UsageException($"Gebruikersnaam ontbreekt: gebruik 'users {line.Word(1)} NAME' (missing NAME).");

    /// <summary>
    /// From a pipe or file: the first line. At a terminal: asked twice without echo, so a typing
    /// error does not lock someone out of their new account.
    /// </summary>
    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter output)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return await input.ReadLineAsync() ?? throw new UsageException("Geen wachtwoord op standaardinvoer: geef het door, bijvoorbeeld 'echo \"$PASS\" | tijdig users add NAME' (no password on standard input).");
        }

        await output.WriteAsync("Wachtwoord: ");
        var first = ReadHidden();
        await output.WriteAsync("Nog een keer: ");
        var second = ReadHidden();
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new UsageException("De twee wachtwoorden zijn niet gelijk. Er is niets gewijzigd.");
        }

        return first;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
