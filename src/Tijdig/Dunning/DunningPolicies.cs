using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Experiments;
using Tijdig.Dunning.Claims;
using Tijdig.Dunning.Experiments;
using Tijdig.Dunning.Law;
using Tijdig.Dunning.Pauses;
using Tijdig.Dunning.Replay;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;
using Tijdig.Sepa.Calendar;

namespace Tijdig.Dunning;

/// <summary>
/// Reads the policy versions from configuration. The section "Dunning" is the first version; each
/// entry of "Dunning:Versions" is a complete later version with its own "ActiveFrom".
/// </summary>
public static class DunningPolicies
{
    public static IReadOnlyList<DunningPolicy> Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Dunning");
        var first = new DunningPolicy();
        section.Bind(first);

        var versions = new List<DunningPolicy> { first };
        foreach (var child in section.GetSection("Versions").GetChildren())
        {
            var version = new DunningPolicy();
            child.Bind(version);
            versions.Add(version);
        }

        return versions;
    }

    /// <summary>Reads the policy experiments from "Dunning:Experiments"; an empty list when there are none.</summary>
    public static IReadOnlyList<DunningExperiment> LoadExperiments(IConfiguration configuration)
    {
        var experiments = new List<DunningExperiment>();
        configuration.GetSection("Dunning:Experiments").Bind(experiments);
        return experiments;
    }

    /// <summary>
    /// Registers the policy versions, the policy of the first version, the engine on the statutory scale
    /// and the Dutch holidays, and the claim and pause use cases.
    /// </summary>
    public static IServiceCollection AddDunningEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var versions = Load(configuration);
        services.AddSingleton(versions);
        services.AddSingleton(versions[0]);
        services.AddSingleton(new DunningEngine(versions, CollectionCosts.CalculateCents, day => DutchHolidays.IsGeneralHoliday(day), LoadExperiments(configuration), Target2Calendar.IsBusinessDay));
        services.AddScoped<ExportClaims>();
        services.AddScoped<ImportClaimStatus>();
        services.AddScoped<RecallClaim>();
        services.AddScoped<PauseDunning>();
        services.AddScoped<ReportExperiment>();
        services.AddScoped<ReplayHistoryLoader>();
        services.AddScoped<RunPolicyReplay>();
        services.AddScoped<BalanceStatements>();
        services.AddScoped<BalanceStatementDocuments>();
        return services;
    }
}
