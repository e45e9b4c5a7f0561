namespace Tijdig.Domain.Ledger;

public enum ContractStatus
{
    Active,
    MarkedForTermination,
    Terminated,
}

/// <summary>The service agreement (a childcare placement) that invoices are billed under.</summary>
public sealed class Contract
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    public required string ContractNumber { get; set; }

    public string? Description { get; set; }

    public DateOnly StartDate { get; set; }

    public ContractStatus Status { get; set; }

    public DateOnly? MarkedForTerminationOn { get; set; }
}
