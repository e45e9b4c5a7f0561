namespace Tijdig;

/// <summary>A mistake in what the operator asked for: printed without a stack trace, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
