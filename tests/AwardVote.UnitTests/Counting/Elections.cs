namespace AwardVote.UnitTests.Counting;

/// <summary>Published worked examples, as ballot files.</summary>
public static class Elections
{
    /// <summary>
    /// The Schulze method's worked example: 45 voters, candidates A–E.
    /// Source: https://en.wikipedia.org/wiki/Schulze_method#Example (winner E, order E &gt; A &gt; C &gt; B &gt; D).
    /// </summary>
    public const string WikipediaSchulze = """
        # Wikipedia, "Schulze method", section Example
        A > C > B > E > D * 5
        A > D > E > C > B * 5
        B > E > D > A > C * 8
        C > A > B > E > D * 3
        C > A > E > B > D * 7
        C > B > A > D > E * 2
        D > C > E > B > A * 7
        E > B > A > D > C * 8
        """;

    /// <summary>
    /// The "Tennessee capital" example, 100 voters standing for the percentages.
    /// Source: https://en.wikipedia.org/wiki/Instant-runoff_voting#Example (also used in the Borda count, plurality and
    /// Condorcet method articles): plurality elects Memphis, instant-runoff Knoxville, Borda Nashville (points Memphis 126,
    /// Nashville 194, Chattanooga 173, Knoxville 107), Condorcet/Schulze Nashville.
    /// </summary>
    public const string TennesseeCapital = """
        # Wikipedia, "Tennessee capital" example
        Memphis > Nashville > Chattanooga > Knoxville * 42
        Nashville > Chattanooga > Knoxville > Memphis * 26
        Chattanooga > Knoxville > Nashville > Memphis * 15
        Knoxville > Chattanooga > Nashville > Memphis * 17
        """;

    /// <summary>The same ballots one line per voter, so their order can be shuffled.</summary>
    public static List<string> OneLinePerVoter(string file) =>
        file.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .SelectMany(line =>
            {
                var star = line.IndexOf('*');
                return star < 0
                    ? [line]
                    : Enumerable.Repeat(line[..star].Trim(), int.Parse(line[(star + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
            })
            .ToList();
}
