using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tijdig.Domain.Dunning.Experiments;

/// <summary>Assigns debtors to experiment variants without storing anything.</summary>
public static class ExperimentAssignment
{
    /// <summary>
    /// Returns the variant of <paramref name="debtorNumber"/>: the first 8 bytes of the SHA-256 of the
    /// UTF-8 experiment key, a line feed and the debtor number, modulo the total weight. The hash does
    /// not depend on the process (unlike <see cref="string.GetHashCode()"/>), so every run agrees, and
    /// its low bits are evenly spread, which a plain FNV hash modulo 2 is not.
    /// </summary>
    public static ExperimentVariant Assign(DunningExperiment experiment, string debtorNumber)
    {
        var total = experiment.Variants.Sum(v => (long)Math.Max(0, v.Weight));
        if (total <= 0)
        {
            throw new ArgumentException($"Experiment {experiment.Key} has no variant with a positive weight.", nameof(experiment));
        }

        var slot = (long)(Hash(experiment.Key + "\n" + debtorNumber) % (ulong)total);
        foreach (var variant in experiment.Variants)
        {
            slot -= Math.Max(0, variant.Weight);
            if (slot < 0)
            {
                return variant;
            }
        }

        return experiment.Variants[^1];
    }

    private static ulong Hash(string text) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
