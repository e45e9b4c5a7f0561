namespace Tijdig.Sepa.Writing;

/// <summary>SEPA direct debit sequence type (SeqTp): FRST, RCUR, FNAL or OOFF.</summary>
public enum SequenceType
{
    First,
    Recurring,
    Final,
    OneOff,
}
