namespace Tijdig.Sepa.Writing;

/// <summary>pain.008 message version. V02 (pain.008.001.02) is accepted by every Dutch bank; V08 is the EPC 2019 version.</summary>
public enum Pain008Version
{
    V02,
    V08,
}
