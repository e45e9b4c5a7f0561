namespace Tijdig.Sepa.Reading;

/// <summary>
/// Unwinds a parse from deep inside the readers to <see cref="BankFileReader"/>, which turns it
/// into a failed <see cref="SepaResult{T}"/>. It never leaves the library.
/// </summary>
internal sealed class ReadFailure(SepaError error) : Exception(error.ToString())
{
    public SepaError Error { get; } = error;
}
