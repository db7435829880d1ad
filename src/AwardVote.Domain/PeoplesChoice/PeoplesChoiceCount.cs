using AwardVote.Domain.Counting;

namespace AwardVote.Domain.PeoplesChoice;

/// <summary>One nominee of a category and its confirmed votes, as the count reads them from the database.</summary>
public sealed record NomineeVotes(int NominationId, string Name, long Votes);

/// <summary>A category's counted public vote: the canonical file, its hash and the plurality protocol.</summary>
public sealed record PeoplesChoiceTally(string BallotFile, string Sha256, CountProtocol Protocol, IReadOnlyDictionary<string, int> NominationOfName);

/// <summary>
/// Counts a category's public vote by plurality. Each vote is a one-name ballot, so the canonical ballot file has
/// one line per nominee with votes, <c>Name * N</c>, sorted: the same votes give the same file and SHA-256 on any
/// database, and <c>awardvote verify PROTOCOL FILE</c> recounts it offline to the same protocol.
/// </summary>
public static class PeoplesChoiceCount
{
    public static PeoplesChoiceTally Count(IReadOnlyList<NomineeVotes> nominees)
    {
        var names = BallotNames(nominees);
        // Only nominees with votes are candidates of the count: the file names no one else, and the protocol must be
        // the one an offline recount of the file gives. Nominees without votes are listed beside it, not in it.
        var withVotes = Enumerable.Range(0, nominees.Count).Where(i => nominees[i].Votes > 0).ToList();
        var set = BallotSet.Canonical(withVotes.Select(i => names[i]).ToList(),
            withVotes.Select((i, candidate) => new WeightedRanking([[candidate]], nominees[i].Votes)).ToList());
        var protocol = RankedCounter.Count(set, RankedMethod.Plurality);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nominees.Count; i++)
            byName[names[i]] = nominees[i].NominationId;
        return new PeoplesChoiceTally(BallotFileWriter.Write(set), set.Sha256, protocol, byName);
    }

    /// <summary>
    /// Names go into a ballot file, whose syntax uses '&gt;', '=', '*', '#' and ','; those are replaced, and two
    /// nominees of one name are told apart by their nomination number.
    /// </summary>
    public static IReadOnlyList<string> BallotNames(IReadOnlyList<NomineeVotes> nominees)
    {
        var clean = nominees.Select(n => Clean(n.Name)).ToList();
        return clean.Select((name, i) => clean.Count(x => x == name) > 1 ? $"{name} ({nominees[i].NominationId})" : name).ToList();
    }

    private static string Clean(string name)
    {
        var text = new string(name.Select(c => c is '>' or '=' or '*' or '#' or ',' or '\n' or '\r' ? ' ' : c).ToArray()).Trim();
        return text.Length == 0 ? "?" : text;
    }
}
