using System.Globalization;

namespace Tijdig.Cli;

/// <summary>
/// The parsed command line: the verb words ("import bank"), positional arguments and options.
/// Options are <c>--name value</c>, or bare flags for the names in <see cref="Flags"/>.
/// </summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "demo", "dry-run", "force", "help", "json", "no-dispatch", "open" };

    private static readonly DateOnly EarliestDate = new(2000, 1, 1);

    private static readonly DateOnly LatestDate = new(2099, 12, 31);

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    // Options given without a value, such as a trailing "--display-name". Reading one is a usage error, so it never becomes the text "true".
    private readonly HashSet<string> _withoutValue = new(StringComparer.Ordinal);

    public List<string> Words { get; } = [];

    /// <summary>The original arguments, passed on to ASP.NET Core for <c>serve</c> (for <c>--urls</c>).</summary>
    public IReadOnlyList<string> RawArguments { get; private init; } = [];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine { RawArguments = args };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                line.Words.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                line._options[name[..equals]] = name[(equals + 1)..];
            }
            else if (Flags.Contains(name))
            {
                line._options[name] = "true";
            }
            else if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                line._withoutValue.Add(name);
            }
            else
            {
                line._options[name] = args[++i];
            }
        }

        return line;
    }

    public string Verb => Words.Count == 0 ? "serve" : Words[0];

    public string? Word(int index) => index < Words.Count ? Words[index] : null;

    /// <summary>Returns the option's value, or null when it is absent. Throws a usage error when the option was given without a value.</summary>
    public string? Option(string name)
    {
        if (_withoutValue.Contains(name))
        {
            throw new UsageException($"--{name} heeft geen waarde: zet die achter de optie, bijvoorbeeld --{name} WAARDE (option without value).");
        }

        return _options.TryGetValue(name, out var value) ? value : null;
    }

    public bool Flag(string name) => _options.TryGetValue(name, out var value) && value != "false";

    public string DataDirectory => Path.GetFullPath(Option("data-dir") ?? "data");

    /// <summary>Reads <c>--date</c> as YYYY-MM-DD, or returns <paramref name="fallback"/> when absent.</summary>
    public DateOnly Date(DateOnly fallback)
    {
        var value = Option("date");
        if (value is null)
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"--date '{value}' is ongeldig: gebruik JJJJ-MM-DD, bijvoorbeeld 2026-12-04 (invalid --date).");
        }

        // Reports and the replay count months back and days forward from the date, which overflows at the ends of the calendar.
        if (date < EarliestDate || date > LatestDate)
        {
            throw new UsageException($"--date '{value}' valt buiten het bereik: gebruik een datum van 2000-01-01 tot en met 2099-12-31 (date out of range).");
        }

        return date;
    }

    public string Format(string fallback)
    {
        var format = Option("format") ?? fallback;
        if (format is not ("json" or "text"))
        {
            throw new UsageException($"--format '{format}' is ongeldig: gebruik json of text (invalid --format).");
        }

        return format;
    }
}
