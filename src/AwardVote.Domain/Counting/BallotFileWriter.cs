using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwardVote.Domain.Counting;

/// <summary>
/// The canonical ballot file of a round: one line per distinct ballot, names sorted within a group (and after
/// <c>~</c>, the names a ballot expresses no preference about), lines sorted
/// (ordinal), identical ballots merged with <c>* N</c>, LF line ends, UTF-8 without a byte-order mark. Two readings of
/// the same ballots give byte-identical files, so the published SHA-256 identifies the ballots, not their order.
/// </summary>
public static class BallotFileWriter
{
    public static string Write(BallotSet ballots)
    {
        var text = new StringBuilder();
        for (var i = 0; i < ballots.Ballots.Count; i++)
            AppendLine(text, ballots, i);
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, BallotSet ballots, int index)
    {
        text.Append(ballots.CanonicalLines[index]);
        var weight = ballots.Ballots[index].Weight;
        if (weight != 1)
            text.Append(" * ").Append(weight.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
    }

    public static string Sha256Hex(BallotSet ballots) => ballots.Sha256;

    /// <summary>
    /// Hashes the canonical file as it is written, straight from each name's UTF-8 bytes into a buffer, so a national
    /// vote's file is never one giant string (nor a string per line). The separators are ASCII, so encoding name by
    /// name gives the very bytes that encoding the whole line would.
    /// </summary>
    internal static string ComputeSha256Hex(BallotSet ballots)
    {
        var names = ballots.Candidates.Select(name => Encoding.UTF8.GetBytes(name)).ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var used = 0;
        foreach (var ballot in ballots.Ballots)
        {
            // The line's longest form: every name, a three-byte separator after each, " * " and a 20-digit weight, "\n".
            var longest = 32;
            foreach (var group in ballot.Groups)
                foreach (var candidate in group)
                    longest += names[candidate].Length + 3;
            longest += 3 * ballot.Groups.Count;
            foreach (var candidate in ballot.NoPreference)
                longest += names[candidate].Length + 3;
            if (buffer.Length - used < longest)
            {
                hash.AppendData(buffer, 0, used);
                used = 0;
                if (buffer.Length < longest)
                    buffer = new byte[longest * 2];
            }

            var line = buffer.AsSpan();
            for (var g = 0; g < ballot.Groups.Count; g++)
            {
                if (g > 0)
                    used = Put(line, used, " > "u8);
                var group = ballot.Groups[g];
                for (var i = 0; i < group.Length; i++)
                {
                    if (i > 0)
                        used = Put(line, used, " = "u8);
                    used = Put(line, used, names[group[i]]);
                }
            }
            if (ballot.NoPreference.Length > 0)
            {
                // The set keeps them sorted (candidates are numbered in name order), as the canonical line has them.
                used = Put(line, used, " ~ "u8);
                for (var i = 0; i < ballot.NoPreference.Length; i++)
                {
                    if (i > 0)
                        used = Put(line, used, ", "u8);
                    used = Put(line, used, names[ballot.NoPreference[i]]);
                }
            }
            if (ballot.Weight != 1)
            {
                used = Put(line, used, " * "u8);
                ballot.Weight.TryFormat(line[used..], out var digits, default, CultureInfo.InvariantCulture);
                used += digits;
            }
            line[used++] = (byte)'\n';
        }
        hash.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static int Put(Span<byte> buffer, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[at..]);
        return at + bytes.Length;
    }

    public static string Sha256Hex(string canonicalText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText)));
}
