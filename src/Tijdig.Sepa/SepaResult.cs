namespace Tijdig.Sepa;

/// <summary>
/// A parse or validation outcome: either a value or an error naming where and what failed.
/// Readers return this instead of throwing for bad input.
/// </summary>
public readonly struct SepaResult<T>
{
    private readonly T? _value;

    private SepaResult(T? value, SepaError? error)
    {
        _value = value;
        Error = error;
    }

    public SepaError? Error { get; }

    public bool Success => Error is null;

    /// <summary>The value; throws <see cref="InvalidOperationException"/> when the result is an error.</summary>
    public T Value => Error is null
        ? _value!
        : throw new InvalidOperationException($"No value: {Error.Message}");

    public static SepaResult<T> Ok(T value) => new(value, null);

    public static SepaResult<T> Fail(SepaError error) => new(default, error);

    public static implicit operator SepaResult<T>(SepaError error) => Fail(error);
}

/// <summary>
/// A problem in a bank file or identifier. <see cref="Location"/> is the element path
/// (for XML) or "line N" (for MT940), when known.
/// </summary>
public sealed record SepaError(string Code, string Message, string? Location = null)
{
    /// <summary>The offending value or element name as it appears in the file, so that a host can name it in its own language.</summary>
    public string? Value { get; init; }

    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}
