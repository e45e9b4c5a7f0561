using System.Globalization;

namespace Tijdig.Tikkie.Benchmarks;

/// <summary>Command-line settings of one benchmark invocation.</summary>
internal sealed record BenchmarkOptions(
    int Count,
    int Workers,
    int FailPercent,
    bool FailAfterCreate,
    int Seed,
    int Repeat,
    bool Postgres,
    bool SandboxProcess,
    bool WarmUp)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Tijdig.Tikkie.Benchmarks -- [options]
          --count N            payment requests (one SMS each) per run; default 10000
          --workers N          parallel outbox workers; 0 uses the sequential OutboxDispatcher; default 8
          --fail-percent P     share of Tikkie creates (0 to 100) answered with HTTP 500; default 0
          --fail-after-create  a failing create is stored before the 500, so its outcome is unknown
          --seed N             seed of the sandbox's fault draws; default 1
          --repeat N           timed runs, each on a fresh database and sandbox; default 3
          --postgres           use the PostgreSQL server in TIJDIG_TEST_POSTGRES instead of SQLite
          --sandbox-process    run the sandbox as a child process, so its CPU time is reported apart
          --warm-up            first run 1,000 requests untimed with the same settings, so the JIT is done
        """;

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions(10_000, 8, 0, false, 1, 3, false, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count":
                    options = options with { Count = ReadInt(args, ++i, 1, 1_000_000) };
                    break;
                case "--workers":
                    options = options with { Workers = ReadInt(args, ++i, 0, 256) };
                    break;
                case "--fail-percent":
                    options = options with { FailPercent = ReadInt(args, ++i, 0, 100) };
                    break;
                case "--fail-after-create":
                    options = options with { FailAfterCreate = true };
                    break;
                case "--seed":
                    options = options with { Seed = ReadInt(args, ++i, int.MinValue, int.MaxValue) };
                    break;
                case "--repeat":
                    options = options with { Repeat = ReadInt(args, ++i, 1, 100) };
                    break;
                case "--postgres":
                    options = options with { Postgres = true };
                    break;
                case "--warm-up":
                    options = options with { WarmUp = true };
                    break;
                case "--sandbox-process":
                    options = options with { SandboxProcess = true };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    private static int ReadInt(string[] args, int index, int min, int max)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{args[index - 1]} needs a whole number from {min} to {max}.");
        }

        return value;
    }
}
