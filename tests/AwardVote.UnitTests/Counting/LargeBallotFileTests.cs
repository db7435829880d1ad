using System.Security.Cryptography;
using System.Text;
using AwardVote.Domain.Counting;

namespace AwardVote.UnitTests.Counting;

/// <summary>
/// The fast paths that let a national vote count in about a second (flat arrays, ballots sorted as keys, the parser
/// reading spans) checked against the definitions, written out naively here, on many random ballots.
/// </summary>
public sealed class LargeBallotFileTests
{
    // Prefix-free names take the key path; names where one starts another ("Ogre", "Ogre 2") take the line path.
    public static TheoryData<string[]> NameSets => new()
    {
        { ["Bibliotēka 01", "Bibliotēka 02", "Bibliotēka 03", "Āraiši", "Zvārtava", "Ķekava", "Rīga"] },
        { ["Ogre", "Ogre 2", "Ogre B", "Ogres", "A", "Ab", "Rīga", "Rīgas"] },
    };

    [Theory, MemberData(nameof(NameSets))]
    public void The_canonical_file_is_every_distinct_ballot_once_in_ordinal_line_order_with_its_summed_weight(string[] names)
    {
        var (file, expectedWeights) = RandomFile(names, seed: 11, ballots: 3000);

        var ballots = BallotFileParser.Parse(file);

        var expected = string.Concat(expectedWeights.Keys.Order(StringComparer.Ordinal)
            .Select(line => expectedWeights[line] == 1 ? line + "\n" : $"{line} * {expectedWeights[line]}\n"));
        var written = BallotFileWriter.Write(ballots);
        Assert.Equal(expected, written);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), ballots.Sha256);
        // The same ballots built from objects rather than read from text land in the same canonical set.
        var rebuilt = BallotSet.Canonical(ballots.Candidates, ballots.Ballots.Reverse());
        Assert.Equal(written, BallotFileWriter.Write(rebuilt));
        Assert.Equal(ballots.Sha256, rebuilt.Sha256);
    }

    [Theory, MemberData(nameof(NameSets))]
    public void Pairwise_Borda_and_first_preferences_match_their_definitions(string[] names)
    {
        var ballots = BallotFileParser.Parse(RandomFile(names, seed: 5, ballots: 2000).File);
        var n = ballots.Candidates.Count;
        var pairwise = new long[n * n];
        var borda = new decimal[n];
        var firsts = new decimal[n];
        foreach (var ballot in ballots.Ballots)
        {
            var position = ballot.PositionsOf(n);
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    if (position[i] < position[j])
                        pairwise[i * n + j] += ballot.Weight;
            for (var c = 0; c < n; c++)
            {
                if (position[c] == ballot.Groups.Count)
                    continue;
                var below = Enumerable.Range(0, n).Count(other => position[other] > position[c]);
                var equal = Enumerable.Range(0, n).Count(other => other != c && position[other] == position[c]);
                borda[c] += ballot.Weight * (below + equal / 2m);
            }
            foreach (var c in ballot.Groups[0])
                firsts[c] += (decimal)ballot.Weight / ballot.Groups[0].Length;
        }

        Assert.Equal(pairwise, RankedCounter.Schulze(ballots).Pairwise);
        Assert.Equal(borda, RankedCounter.BordaPoints(ballots));
        var counted = RankedCounter.FractionalFirstPreferences(ballots, Enumerable.Repeat(true, n).ToArray(), out var exhausted);
        Assert.Equal(0m, exhausted);
        for (var c = 0; c < n; c++)
            Assert.Equal(firsts[c], counted[c], 20);
    }

    [Fact]
    public void Lines_may_end_in_LF_CR_LF_or_CR_even_across_a_full_read_buffer()
    {
        // The first line fills the parser's 64 KiB buffer exactly up to its CR, so the LF arrives with the next read.
        var longName = new string('x', (1 << 16) - 1);
        var file = longName + "\r\nB > C\rC\n\nB";

        var ballots = BallotFileParser.Parse(file);

        Assert.Equal(["B", "C", longName], ballots.Candidates);
        Assert.Equal(4, ballots.TotalWeight);
        Assert.Equal("B\nB > C\nC\n" + longName + "\n", BallotFileWriter.Write(ballots));
        // CR LF is one line end: the error is on line 5, not 6.
        var error = Assert.Throws<BallotFormatException>(() => BallotFileParser.Parse(longName + "\r\nB > C\rC\n\nB > B\n"));
        Assert.Equal(5, error.LineNumber);
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        var names = Enumerable.Range(0, 9000).Select(i => $"Kandidāts {i:D5}").ToArray();
        var ballots = BallotFileParser.Parse(string.Join(" > ", names) + "\n" + names[0] + "\n");

        Assert.Equal(9000, ballots.Candidates.Count);
        Assert.Equal(2, ballots.Ballots.Count);
        Assert.Equal(9000, ballots.Ballots.Max(b => b.Groups.Count));
    }

    /// <summary>Random partial ballots with ties and weights, and the canonical line of each with its expected total.</summary>
    private static (string File, Dictionary<string, long> Weights) RandomFile(string[] names, int seed, int ballots)
    {
        var random = new Random(seed);
        var file = new StringBuilder();
        var weights = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var b = 0; b < ballots; b++)
        {
            var listed = names.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(4, names.Length) + 1)).ToArray();
            var groups = new List<List<string>> { new() { listed[0] } };
            foreach (var name in listed.Skip(1))
                if (random.Next(4) == 0)
                    groups[^1].Add(name);
                else
                    groups.Add([name]);
            var weight = random.Next(5) == 0 ? random.Next(2, 9) : 1;
            file.Append(string.Join(" > ", groups.Select(g => string.Join(" = ", g))));
            file.Append(weight == 1 ? "\n" : $" * {weight}\n");
            var canonical = string.Join(" > ", groups.Select(g => string.Join(" = ", g.Order(StringComparer.Ordinal))));
            weights[canonical] = weights.GetValueOrDefault(canonical) + weight;
        }
        return (file.ToString(), weights);
    }
}
