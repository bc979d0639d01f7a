using System.Globalization;
using System.Text;

namespace Fengqiao.BuildingBlocks.Text;

/// <summary>
/// MinHash of a text over character bigrams (Chinese has no spaces), with locality-sensitive
/// band keys: two texts share a band key with high probability when they are similar, so candidates come
/// from an index look-up instead of comparing against every earlier text. Shared so that every module finds similar
/// texts (petitions, suggestions, diary entries) alike.
/// </summary>
public static class TextSignature
{
    public const int HashCount = 32;
    public const int Bands = 8;
    private const int RowsPerBand = HashCount / Bands;
    private static readonly ulong[] Seeds = Enumerable.Range(1, HashCount).Select(i => SplitMix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    public static uint[] Compute(string text)
    {
        var normalised = Normalise(text);
        var signature = Enumerable.Repeat(uint.MaxValue, HashCount).ToArray();
        if (normalised.Length == 0)
        {
            return signature;
        }

        for (var i = 0; i < Math.Max(1, normalised.Length - 1); i++)
        {
            var shingle = normalised.AsSpan(i, Math.Min(2, normalised.Length - i));
            var baseHash = Fnv1a(shingle);
            for (var h = 0; h < HashCount; h++)
            {
                var value = (uint)(SplitMix(baseHash ^ Seeds[h]) >> 32);
                if (value < signature[h])
                {
                    signature[h] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity of the two texts' bigram sets.</summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        var equal = 0;
        for (var i = 0; i < HashCount; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / HashCount;
    }

    public static IReadOnlyList<string> BandKeys(uint[] signature)
    {
        var keys = new string[Bands];
        for (var band = 0; band < Bands; band++)
        {
            ulong hash = 14695981039346656037UL;
            for (var row = 0; row < RowsPerBand; row++)
            {
                hash = SplitMix(hash ^ signature[(band * RowsPerBand) + row]);
            }

            keys[band] = $"{band}:{hash:x16}";
        }

        return keys;
    }

    public static string Encode(uint[] signature) => string.Concat(signature.Select(v => v.ToString("x8", CultureInfo.InvariantCulture)));

    public static uint[] Decode(string encoded) =>
        Enumerable.Range(0, HashCount).Select(i => uint.Parse(encoded.AsSpan(i * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Letters and digits only, lower-case: punctuation and spacing do not make texts differ.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
