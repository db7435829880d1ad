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
        foreach (var ballot in ballots.Ballots)
        {
            text.Append(BallotSet.CanonicalLine(ballots.Candidates, ballot.Groups));
            if (ballot.Weight != 1)
                text.Append(" * ").Append(ballot.Weight.ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Sha256Hex(BallotSet ballots) => Sha256Hex(Write(ballots));

    public static string Sha256Hex(string canonicalText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText)));
}
