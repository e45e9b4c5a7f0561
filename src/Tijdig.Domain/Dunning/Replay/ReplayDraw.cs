using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tijdig.Domain.Dunning.Replay;

/// <summary>
/// A uniform number in [0, 1) fixed by the seed, the invoice and what is drawn for. A shared random
/// sequence would shift as soon as one policy sends a message the other does not.
/// </summary>
internal static class ReplayDraw
{
    public static double Uniform(int seed, string invoiceNumber, string purpose)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seed}|{invoiceNumber}|{purpose.ToLowerInvariant()}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);

        // The top 53 bits fill a double's mantissa exactly.
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
