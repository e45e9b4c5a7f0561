using System.Text;
using Tijdig.Domain.Dunning;

namespace Tijdig.Dunning.Replay;

/// <summary>
/// Reads a candidate policy from JSON, bound the same way as the configuration: either a version on
/// its own (as an entry of "Dunning:Versions") or a whole settings file with a "Dunning" section.
/// </summary>
public static class CandidatePolicy
{
    public static DunningPolicy Parse(string json)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
                .Build();
        }
        catch (Exception error) when (error is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new UsageException("Het beleid is geen geldige JSON (the policy is not valid JSON): " + error.Message);
        }

        IConfiguration section = configuration.GetSection("Dunning").Exists() ? configuration.GetSection("Dunning") : configuration;
        var policy = new DunningPolicy();
        try
        {
            section.Bind(policy);
        }
        catch (InvalidOperationException error)
        {
            throw new UsageException("Het beleid past niet op het formaat van Dunning in appsettings.json (the policy does not match the Dunning settings): " + error.Message);
        }

        if (policy.Steps.Count == 0)
        {
            throw new UsageException("Het beleid heeft geen stappen (Steps); geef een volledige beleidsversie, zoals onder Dunning:Versions.");
        }

        return policy;
    }
}
