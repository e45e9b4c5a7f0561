namespace Tijdig.Sepa.Returns;

/// <summary>An ISO 20022 status or return reason code with its Dutch and English meaning and the advised action.</summary>
public sealed record ReasonCode(string Code, string Dutch, string English, RTransactionTypes Types, ReturnAction Action);
