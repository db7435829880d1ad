using System.Globalization;

namespace AwardVote.Domain.Counting;

/// <summary>
/// Reads the ranked ballot line format: <c>A &gt; B = C * 5</c> — <c>&gt;</c> orders, <c>=</c> ties, <c>* N</c> a weight,
/// <c>#</c> starts a comment; blank lines are skipped. Names get indices by first appearance while reading, identical
/// ballots are merged on the fly (a national vote has far fewer distinct ballots than voters), and the result is
/// handed over in canonical form.
/// </summary>
public static class BallotFileParser
{
    private const char GroupSeparator = '\uFFFF';

    public static BallotSet Parse(string text, bool allowEqualRanks = true) => Parse(new StringReader(text), allowEqualRanks);

    /// <param name="allowEqualRanks">False when the statute does not let a ballot place two candidates equal (<c>=</c> is then an error).</param>
    /// <exception cref="BallotFormatException">A malformed line, with its number.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static BallotSet Parse(TextReader reader, bool allowEqualRanks = true)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var weights = new Dictionary<string, long>(StringComparer.Ordinal);
        var weightLookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        var seenOnLine = new List<int>();
        var lineBuffer = new List<int>();
        var groupEnds = new List<int>();
        var keyBuffer = new char[64];

        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = line.AsSpan();
            var comment = content.IndexOf('#');
            if (comment >= 0)
                content = content[..comment];
            content = content.Trim();
            if (content.IsEmpty)
                continue;

            var weight = 1L;
            var star = content.IndexOf('*');
            if (star >= 0)
            {
                var weightText = content[(star + 1)..].Trim();
                if (!long.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight <= 0)
                    throw new BallotFormatException(lineNumber,
                        $"bad weight '{weightText.ToString()}': expected a whole number of at least 1 after '*'");
                content = content[..star].TrimEnd();
                if (content.IsEmpty)
                    throw new BallotFormatException(lineNumber, "a weight with no ranking before it");
            }

            lineBuffer.Clear();
            groupEnds.Clear();
            var previousSeparator = '\0';
            while (true)
            {
                var next = content.IndexOfAny('>', '=');
                var token = (next < 0 ? content : content[..next]).Trim();
                var separator = next < 0 ? '\0' : content[next];
                if (token.IsEmpty)
                    throw new BallotFormatException(lineNumber, EmptyNameProblem(previousSeparator, separator));

                if (!nameLookup.TryGetValue(token, out var candidate))
                {
                    candidate = names.Count;
                    nameLookup[token] = candidate;
                    seenOnLine.Add(0);
                }
                if (seenOnLine[candidate] == lineNumber)
                    throw new BallotFormatException(lineNumber, $"'{token.ToString()}' appears twice on one ballot");
                seenOnLine[candidate] = lineNumber;
                lineBuffer.Add(candidate);

                if (separator == '=' && !allowEqualRanks)
                    throw new BallotFormatException(lineNumber, "equal ranks ('=') are not allowed in this round");
                if (separator != '=')
                    groupEnds.Add(lineBuffer.Count);
                if (next < 0)
                    break;
                previousSeparator = separator;
                content = content[(next + 1)..];
            }

            // The merge key: each group's indices sorted, groups split by a character no index uses.
            var keyLength = lineBuffer.Count + groupEnds.Count;
            if (keyBuffer.Length < keyLength)
                keyBuffer = new char[keyLength * 2];
            var position = 0;
            var groupStart = 0;
            foreach (var groupEnd in groupEnds)
            {
                var group = keyBuffer.AsSpan(position, groupEnd - groupStart);
                for (var i = groupStart; i < groupEnd; i++)
                    group[i - groupStart] = (char)lineBuffer[i];
                group.Sort();
                position += group.Length;
                keyBuffer[position++] = GroupSeparator;
                groupStart = groupEnd;
            }
            var key = keyBuffer.AsSpan(0, position);
            ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(weightLookup, key, out _);
            sum = checked(sum + weight);
            if (names.Count >= GroupSeparator)
                throw new BallotFormatException(lineNumber, "too many different names");
        }

        var candidates = new string[names.Count];
        foreach (var (name, index) in names)
            candidates[index] = name;
        var ballots = weights.Select(entry => new RankedBallot(GroupsOf(entry.Key), entry.Value));
        return BallotSet.Canonical(candidates, ballots);
    }

    private static string EmptyNameProblem(char before, char after) => (before, after) switch
    {
        ('>', '>') => "'>>': a '>' with no name after it",
        ('\0', not '\0') => $"empty name before the first '{after}'",
        (not '\0', '\0') => $"empty name after the last '{before}'",
        _ => $"empty name between '{before}' and '{after}'",
    };

    private static int[][] GroupsOf(string key)
    {
        var groups = new List<int[]>();
        var start = 0;
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != GroupSeparator)
                continue;
            var group = new int[i - start];
            for (var j = start; j < i; j++)
                group[j - start] = key[j];
            groups.Add(group);
            start = i + 1;
        }
        return [.. groups];
    }
}
