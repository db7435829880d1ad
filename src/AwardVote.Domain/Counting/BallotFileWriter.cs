using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwardVote.Domain.Counting;

/// <summary>
/// The canonical ballot file of a round: one line per distinct ballot, names sorted within a group, lines sorted
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

    /// <summary>Hashes the canonical file line by line, so a national vote's file is never one giant string.</summary>
    internal static string ComputeSha256Hex(BallotSet ballots)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        var bytes = new byte[1024];
        for (var i = 0; i < ballots.Ballots.Count; i++)
        {
            line.Clear();
            AppendLine(line, ballots, i);
            var needed = Encoding.UTF8.GetMaxByteCount(line.Length);
            if (bytes.Length < needed)
                bytes = new byte[needed * 2];
            var chars = line.ToString();
            var length = Encoding.UTF8.GetBytes(chars, bytes);
            hash.AppendData(bytes, 0, length);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Sha256Hex(string canonicalText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText)));
}
