using System.Globalization;
using System.Runtime.InteropServices;

namespace AwardVote.Domain.Counting;

/// <summary>
/// Reads the ranked ballot line format: <c>A &gt; B = C ~ D * 5</c> — <c>&gt;</c> orders, <c>=</c> ties, after
/// <c>~</c> the names the ballot expresses no preference about (a juror's recusal, separated by <c>,</c>), <c>* N</c>
/// a weight, <c>#</c> starts a comment; blank lines are skipped. Names get indices by first appearance while reading, identical
/// ballots are merged on the fly (a national vote has far fewer distinct ballots than voters), and the result is
/// handed over in canonical form.
/// </summary>
public static class BallotFileParser
{
    public static BallotSet Parse(string text, bool allowEqualRanks = true) => Parse(new StringReader(text), allowEqualRanks);

    /// <param name="allowEqualRanks">False when the statute does not let a ballot place two candidates equal (<c>=</c> is then an error).</param>
    /// <exception cref="BallotFormatException">A malformed line, with its number.</exception>
    public static BallotSet Parse(TextReader reader, bool allowEqualRanks = true)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        // Merged ballots by their key (see BallotKey), with the summed weight.
        var weights = new Dictionary<string, long>(StringComparer.Ordinal);
        var weightLookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        var seenOnLine = new List<int>();
        var lineBuffer = new List<int>();
        var groupEnds = new List<int>();
        var noPreference = new List<int>();
        var keyBuffer = new char[64];

        var lineNumber = 0;
        // A name's index, given on its first appearance; a name may appear once per line, ranked or not.
        int Candidate(ReadOnlySpan<char> token)
        {
            if (!nameLookup.TryGetValue(token, out var candidate))
            {
                if (names.Count >= BallotKey.MaxCandidates)
                    throw new BallotFormatException(lineNumber, "too many different names");
                candidate = names.Count;
                nameLookup[token] = candidate;
                seenOnLine.Add(0);
            }
            if (seenOnLine[candidate] == lineNumber)
                throw new BallotFormatException(lineNumber, $"'{token.ToString()}' appears twice on one ballot");
            seenOnLine[candidate] = lineNumber;
            return candidate;
        }

        foreach (var line in new LineReader(reader))
        {
            lineNumber++;
            var content = line.Span;
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
            noPreference.Clear();
            var tilde = content.IndexOf('~');
            var unranked = ReadOnlySpan<char>.Empty;
            if (tilde >= 0)
            {
                unranked = content[(tilde + 1)..];
                if (unranked.IndexOfAny('>', '=', '~') >= 0)
                    throw new BallotFormatException(lineNumber, "after '~' come only names separated by ',', no '>', '=' or second '~'");
                content = content[..tilde].TrimEnd();
                if (content.IsEmpty)
                    throw new BallotFormatException(lineNumber, "a '~' with no ranking before it");
            }
            var previousSeparator = '\0';
            while (true)
            {
                var next = content.IndexOfAny('>', '=');
                var token = (next < 0 ? content : content[..next]).Trim();
                var separator = next < 0 ? '\0' : content[next];
                if (token.IsEmpty)
                    throw new BallotFormatException(lineNumber, EmptyNameProblem(previousSeparator, separator));

                lineBuffer.Add(Candidate(token));

                if (separator == '=' && !allowEqualRanks)
                    throw new BallotFormatException(lineNumber, "equal ranks ('=') are not allowed in this round");
                if (separator != '=')
                    groupEnds.Add(lineBuffer.Count);
                if (next < 0)
                    break;
                previousSeparator = separator;
                content = content[(next + 1)..];
            }

            if (tilde >= 0)
            {
                while (true)
                {
                    var comma = unranked.IndexOf(',');
                    var token = (comma < 0 ? unranked : unranked[..comma]).Trim();
                    if (token.IsEmpty)
                        throw new BallotFormatException(lineNumber, "'~' must be followed by names separated by ','");
                    noPreference.Add(Candidate(token));
                    if (comma < 0)
                        break;
                    unranked = unranked[(comma + 1)..];
                }
            }

            var keyLength = BallotKey.Length(lineBuffer.Count, noPreference.Count);
            if (keyBuffer.Length < keyLength)
                keyBuffer = new char[keyLength * 2];
            var key = keyBuffer.AsSpan(0, keyLength);
            BallotKey.Write(CollectionsMarshal.AsSpan(lineBuffer), CollectionsMarshal.AsSpan(groupEnds), CollectionsMarshal.AsSpan(noPreference), key);
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(weightLookup, key, out _);
            sum = checked(sum + weight);
        }

        var candidates = new string[names.Count];
        foreach (var (name, index) in names)
            candidates[index] = name;
        return BallotSet.FromKeys(candidates, weights);
    }

    private static string EmptyNameProblem(char before, char after) => (before, after) switch
    {
        ('>', '>') => "'>>': a '>' with no name after it",
        ('\0', not '\0') => $"empty name before the first '{after}'",
        (not '\0', '\0') => $"empty name after the last '{before}'",
        _ => $"empty name between '{before}' and '{after}'",
    };

    /// <summary>
    /// The lines of a reader as spans over a large buffer: no string per line. Line ends as <see cref="TextReader.ReadLine"/>
    /// sees them (LF, CR LF or a lone CR); a last line without an end counts.
    /// </summary>
    private struct LineReader(TextReader reader)
    {
        private char[] _buffer = new char[1 << 16];
        private int _start;
        private int _end;
        private bool _eof;
        private bool _skipLineFeed;

        public readonly LineReader GetEnumerator() => this;

        public ReadOnlyMemory<char> Current { get; private set; }

        public bool MoveNext()
        {
            while (true)
            {
                if (_skipLineFeed && _start < _end)
                {
                    // The LF of a CR LF split across two reads.
                    if (_buffer[_start] == '\n')
                        _start++;
                    _skipLineFeed = false;
                }
                var unread = _buffer.AsSpan(_start, _end - _start);
                var lineEnd = unread.IndexOfAny('\n', '\r');
                if (lineEnd >= 0)
                {
                    Current = _buffer.AsMemory(_start, lineEnd);
                    _start += lineEnd + 1;
                    if (unread[lineEnd] == '\r')
                    {
                        if (_start < _end)
                        {
                            if (_buffer[_start] == '\n')
                                _start++;
                        }
                        else
                            _skipLineFeed = true;
                    }
                    return true;
                }
                if (_eof)
                {
                    if (_start == _end)
                        return false;
                    Current = _buffer.AsMemory(_start, _end - _start);
                    _start = _end;
                    return true;
                }
                Fill();
            }
        }

        private void Fill()
        {
            // Keep the unfinished line; grow the buffer if that line fills it.
            var kept = _end - _start;
            if (kept == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);
            else if (_start > 0)
                Array.Copy(_buffer, _start, _buffer, 0, kept);
            _start = 0;
            _end = kept;
            var read = reader.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _eof = true;
            _end += read;
        }
    }
}

/// <summary>
/// A ballot as a short string that orders like its line in the canonical file: one character per name (its index
/// plus <see cref="NameOffset"/>), and between two names <see cref="EqualTo"/> or <see cref="Above"/>. Names in a group
/// are sorted; then, if the ballot has names it expresses no preference about, <see cref="NoPreference"/> and those
/// names, sorted, with <see cref="EqualTo"/> between them. With candidates numbered in ordinal name order and no name
/// the start of another, comparing two keys ordinally is comparing the two lines: name by name, and where they agree,
/// the end of the line before " = " before " > " before " ~ " (the characters' own order, '=' &lt; '&gt;' &lt; '~';
/// after "~" both lines have only ", " between names).
/// </summary>
internal static class BallotKey
{
    public const char EqualTo = '\u0000';
    public const char Above = '\u0001';
    public const char NoPreference = '\u0002';
    public const int NameOffset = 3;
    public const int MaxCandidates = char.MaxValue + 1 - NameOffset;

    public static int Length(int listed, int unranked = 0) =>
        (listed == 0 ? 0 : 2 * listed - 1) + (unranked == 0 ? 0 : 2 * unranked);

    /// <summary>
    /// Writes the key of <paramref name="candidates"/>, split into groups ending at <paramref name="groupEnds"/>,
    /// followed by the <paramref name="unranked"/> names the ballot expresses no preference about.
    /// </summary>
    public static void Write(ReadOnlySpan<int> candidates, ReadOnlySpan<int> groupEnds, ReadOnlySpan<int> unranked, Span<char> key)
    {
        Write(candidates, groupEnds, key[..Length(candidates.Length)]);
        if (unranked.IsEmpty)
            return;
        var tail = key[Length(candidates.Length)..];
        tail[0] = NoPreference;
        var names = tail[^unranked.Length..];
        for (var i = 0; i < unranked.Length; i++)
            names[i] = (char)(unranked[i] + NameOffset);
        names.Sort();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (i > 0)
                tail[2 * i] = EqualTo;
            tail[2 * i + 1] = name;
        }
    }

    /// <summary>Writes the key of <paramref name="candidates"/>, split into groups ending at <paramref name="groupEnds"/>.</summary>
    public static void Write(ReadOnlySpan<int> candidates, ReadOnlySpan<int> groupEnds, Span<char> key)
    {
        var groupStart = 0;
        var position = 0;
        foreach (var groupEnd in groupEnds)
        {
            if (groupStart > 0)
                key[position++] = Above;
            var group = key.Slice(position, 2 * (groupEnd - groupStart) - 1);
            // Sort the group's names first, into the key's name slots from the right, then spread them out.
            var names = group[^(groupEnd - groupStart)..];
            for (var i = groupStart; i < groupEnd; i++)
                names[i - groupStart] = (char)(candidates[i] + NameOffset);
            names.Sort();
            for (var i = 0; i < names.Length; i++)
            {
                var name = names[i];
                if (i > 0)
                    group[2 * i - 1] = EqualTo;
                group[2 * i] = name;
            }
            position += group.Length;
            groupStart = groupEnd;
        }
    }

    /// <summary>
    /// Sorts keys ordinally, their weights alongside. Most-significant-character radix sort: keys are short and drawn
    /// from few characters, so each character is read about once, where comparison sorting would compare the same
    /// leading characters some twenty times per key. Falls back to comparison sorting for many candidates.
    /// </summary>
    public static void Sort(string[] keys, long[] weights, int candidateCount)
    {
        var alphabet = candidateCount + NameOffset;
        if (alphabet > 4096)
        {
            Array.Sort(keys, weights, StringComparer.Ordinal);
            return;
        }
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        RadixSort(keys, order, new int[keys.Length], 0, keys.Length, 0, alphabet);
        var sortedKeys = new string[keys.Length];
        var sortedWeights = new long[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortedKeys[i] = keys[order[i]];
            sortedWeights[i] = weights[order[i]];
        }
        sortedKeys.CopyTo(keys, 0);
        sortedWeights.CopyTo(weights, 0);
    }

    /// <summary>Sorts order[start..end), whose keys agree on their first <paramref name="depth"/> characters.</summary>
    private static void RadixSort(string[] keys, int[] order, int[] scratch, int start, int end, int depth, int alphabet)
    {
        while (true)
        {
            if (end - start <= 32)
            {
                // Insertion sort: few keys left.
                for (var i = start + 1; i < end; i++)
                {
                    var item = order[i];
                    var j = i - 1;
                    while (j >= start && string.CompareOrdinal(keys[order[j]], keys[item]) > 0)
                    {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = item;
                }
                return;
            }

            // Slot 1: keys that end here (they sort first; keys are distinct, so there is at most one);
            // slot c + 2: keys with character c here. Slot 0 stays 0 for the running sums.
            var counts = new int[alphabet + 2];
            for (var i = start; i < end; i++)
                counts[Slot(keys[order[i]], depth)]++;
            for (var slot = 1; slot < counts.Length; slot++)
                counts[slot] += counts[slot - 1];
            // Filled from the back, each slot's count ends as the offset where its keys start.
            for (var i = end - 1; i >= start; i--)
                scratch[start + --counts[Slot(keys[order[i]], depth)]] = order[i];
            Array.Copy(scratch, start, order, start, end - start);

            // Recurse into every bucket but the largest, and go on with that one here: the stack stays shallow.
            var largestStart = 0;
            var largestEnd = 0;
            for (var slot = 2; slot < counts.Length; slot++)
            {
                var bucketStart = start + counts[slot];
                var bucketEnd = slot + 1 < counts.Length ? start + counts[slot + 1] : end;
                if (bucketEnd - bucketStart < 2)
                    continue;
                if (bucketEnd - bucketStart > largestEnd - largestStart)
                {
                    if (largestEnd - largestStart >= 2)
                        RadixSort(keys, order, scratch, largestStart, largestEnd, depth + 1, alphabet);
                    largestStart = bucketStart;
                    largestEnd = bucketEnd;
                }
                else
                    RadixSort(keys, order, scratch, bucketStart, bucketEnd, depth + 1, alphabet);
            }
            if (largestEnd - largestStart < 2)
                return;
            start = largestStart;
            end = largestEnd;
            depth++;
        }
    }

    private static int Slot(string key, int depth) => depth < key.Length ? key[depth] + 2 : 1;

    /// <summary>The names a key's ballot expresses no preference about, as candidate indices.</summary>
    public static int[] Unranked(ReadOnlySpan<char> key)
    {
        var marker = key.IndexOf(NoPreference);
        if (marker < 0)
            return [];
        var tail = key[(marker + 1)..];
        var names = new int[(tail.Length + 1) / 2];
        for (var i = 0; i < names.Length; i++)
            names[i] = tail[2 * i] - NameOffset;
        return names;
    }

    /// <summary>The ranked part of a ballot's key, without the names it expresses no preference about.</summary>
    public static ReadOnlySpan<char> Ranked(ReadOnlySpan<char> key)
    {
        var marker = key.IndexOf(NoPreference);
        return marker < 0 ? key : key[..marker];
    }

    /// <summary>The groups of a key, as candidate indices.</summary>
    public static int[][] Groups(ReadOnlySpan<char> key)
    {
        key = Ranked(key);
        if (key.IsEmpty)
            return [];
        var groupCount = 1;
        foreach (var c in key)
            if (c == Above)
                groupCount++;
        var groups = new int[groupCount][];
        var g = 0;
        while (true)
        {
            var end = key.IndexOf(Above);
            var group = end < 0 ? key : key[..end];
            var members = new int[(group.Length + 1) / 2];
            for (var i = 0; i < members.Length; i++)
                members[i] = group[2 * i] - NameOffset;
            groups[g++] = members;
            if (end < 0)
                return groups;
            key = key[(end + 1)..];
        }
    }
}
