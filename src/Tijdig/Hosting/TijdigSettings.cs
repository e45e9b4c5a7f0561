namespace Tijdig.Hosting;

/// <summary>The creditor: who collects, on which account, and where parents reach the portal.</summary>
public sealed class OrganisationSettings
{
    public string Name { get; set; } = "";

    public string CreditorName { get; set; } = "";

    public string CreditorIban { get; set; } = "";

    public string? CreditorBic { get; set; }

    /// <summary>SEPA creditor identifier (incassant-ID).</summary>
    public string CreditorId { get; set; } = "";

    /// <summary>Base address of the web app as parents see it, used in payment and arrangement links.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

public sealed class SchedulerSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Europe/Amsterdam time of day at which the daily cycle runs.</summary>
    public TimeOnly CycleTime { get; set; } = new(6, 30);
}

/// <summary>Where one installation keeps its database, outbox and sandbox state.</summary>
public sealed record DataDirectory(string Path)
{
    public string DatabaseFile => System.IO.Path.Combine(Path, "tijdig.db");

    public string OutboxPath => System.IO.Path.Combine(Path, "outbox");

    public string TikkieSandboxDatabase => System.IO.Path.Combine(Path, "tikkie-sandbox.db");

    public string ExportsPath => System.IO.Path.Combine(Path, "exports");

    /// <summary>The keys that protect sign-in cookies and form tokens, so that sessions survive a restart.</summary>
    public string KeysPath => System.IO.Path.Combine(Path, "keys");
}
