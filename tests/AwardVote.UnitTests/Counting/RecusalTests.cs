using AwardVote.Cli;
using AwardVote.Domain.Counting;

namespace AwardVote.UnitTests.Counting;

/// <summary>
/// A recused juror's ballot is neutral about the nominee (ADR 0005, "Recusals"): written <c>~ A</c>, it takes part in
/// no comparison with A. The election: one juror prefers A to B; two jurors are recused from A and prefer B to C.
/// Neutral, A wins under every method; had the two ballots left A off (ranked below all), B would win.
/// </summary>
public sealed class RecusalTests : IDisposable
{
    private const string Recused = """
        A > B > C
        B > C ~ A * 2
        """;

    private const string LeftOff = """
        A > B > C
        B > C * 2
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("awardvote-recusal-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static CountProtocol Count(string file, RankedMethod method) => RankedCounter.Count(BallotFileParser.Parse(file), method);

    [Theory]
    [InlineData(RankedMethod.Schulze)]
    [InlineData(RankedMethod.Borda)]
    [InlineData(RankedMethod.InstantRunoff)]
    [InlineData(RankedMethod.Plurality)]
    public void A_recused_ballot_neither_helps_nor_hurts_the_nominee_where_leaving_it_off_would_decide_against_it(RankedMethod method)
    {
        var neutral = Count(Recused, method);
        var leftOff = Count(LeftOff, method);

        Assert.Equal("A", neutral.Order[0].Name);
        Assert.Equal(1, neutral.Order.Count(p => p.Rank == 1));
        Assert.Equal(CountOutcome.Decided, neutral.Outcome);
        Assert.Equal("B", leftOff.Order[0].Name);
        Assert.Equal([new CandidateValue("A", 2)], neutral.NoPreferences);
        Assert.Equal(RankedCounter.NoPreferenceRule(method), neutral.NoPreferenceRule);
        Assert.Null(leftOff.NoPreferences);
        Assert.Null(leftOff.NoPreferenceRule);
    }

    [Fact]
    public void Schulze_counts_a_recused_ballot_for_neither_side_of_a_pair_with_the_nominee()
    {
        var protocol = Count(Recused, RankedMethod.Schulze);

        // Rows and columns A, B, C: only the first ballot compares A with anyone; all three compare B with C.
        long[][] pairwise = [[0, 1, 1], [0, 0, 3], [0, 0, 0]];
        Assert.Equal(pairwise, protocol.Schulze!.Pairwise.Select(r => r.ToArray()));
    }

    [Fact]
    public void Borda_scores_each_pair_over_the_ballots_that_compare_it_scaled_to_all_voters()
    {
        var protocol = Count(Recused, RankedMethod.Borda);

        // A over B and over C on the one ballot comparing them, × 3 voters / 1; B over C on all three.
        Assert.Equal([new CandidateValue("A", 6), new CandidateValue("B", 3), new CandidateValue("C", 0)], protocol.BordaPoints);
    }

    [Fact]
    public void Neutral_Borda_is_classic_Borda_on_the_pairs_every_ballot_compares_with_equal_ranks_and_left_off_names()
    {
        // Every ballot is recused from D, a name nobody ranks: the pairs among A, B, C are compared by every ballot,
        // so the neutral count must give them their classic points, halves and left-off names included.
        const string classic = "A > B = C\nC > A\nB\n";
        var expected = Count(classic, RankedMethod.Borda).BordaPoints!.ToDictionary(v => v.Name, v => v.Value);

        var withD = Count("A > B = C ~ D\nC > A ~ D\nB ~ D\n", RankedMethod.Borda).BordaPoints!.ToDictionary(v => v.Name, v => v.Value);
        Assert.Equal(expected["A"], withD["A"]);
        Assert.Equal(expected["B"], withD["B"]);
        Assert.Equal(expected["C"], withD["C"]);
        Assert.Equal(0m, withD["D"]);
        Assert.Equal(2.5m, expected["B"]);
    }

    [Fact]
    public void Instant_runoff_sets_a_recused_ballot_aside_while_the_nominee_is_continuing_and_counts_it_after()
    {
        // Round 1 without the two recused ballots: A 1, B 2, C 2 of 5, no majority; A is out. Round 2: the recused
        // ballots count again, for C: B 3, C 4 of 7.
        const string file = """
            A > B
            B > A * 2
            C > B * 2
            C ~ A * 2
            """;

        var protocol = Count(file, RankedMethod.InstantRunoff);

        var rounds = protocol.InstantRunoffRounds!;
        Assert.Equal(2m, rounds[0].Abstained);
        Assert.Equal(["A"], rounds[0].Eliminated);
        Assert.Equal(0m, rounds[1].Abstained);
        Assert.Equal(7m, rounds[1].ContinuingTotal);
        Assert.Equal("C", rounds[1].Elected);
    }

    [Fact]
    public void The_canonical_file_sorts_and_merges_the_names_after_the_tilde()
    {
        var ballots = BallotFileParser.Parse("B > C ~ D, A\nB>C~A,D\nA > B\nB > C\n");

        Assert.Equal("A > B\nB > C\nB > C ~ A, D * 2\n", BallotFileWriter.Write(ballots));
        Assert.Equal(BallotFileWriter.Sha256Hex(BallotFileWriter.Write(ballots)), ballots.Sha256);
        var reread = BallotFileParser.Parse(BallotFileWriter.Write(ballots));
        Assert.Equal(ballots.Sha256, reread.Sha256);
    }

    [Fact]
    public void Names_that_start_other_names_take_the_general_path_to_the_same_file()
    {
        var ballots = BallotFileParser.Parse("Ab > A ~ Abc\nA > Ab ~ Abc\nA > Ab ~ Abc\n");

        Assert.Equal("A > Ab ~ Abc * 2\nAb > A ~ Abc\n", BallotFileWriter.Write(ballots));
        Assert.Equal(BallotFileWriter.Sha256Hex(BallotFileWriter.Write(ballots)), ballots.Sha256);
    }

    [Theory]
    [InlineData("~ A", "a '~' with no ranking before it")]
    [InlineData("A > B ~", "'~' must be followed by names")]
    [InlineData("A > B ~ C,", "'~' must be followed by names")]
    [InlineData("A > B ~ A", "'A' appears twice on one ballot")]
    [InlineData("A ~ B > C", "after '~' come only names")]
    [InlineData("A ~ B ~ C", "after '~' come only names")]
    public void A_malformed_no_preference_part_is_refused_with_its_line(string line, string problem)
    {
        var error = Assert.Throws<BallotFormatException>(() => BallotFileParser.Parse("A > B\n" + line + "\n"));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Tally_and_verify_read_the_no_preference_part()
    {
        var ballots = new FileInfo(Path.Combine(_folder.FullName, "ballots.txt"));
        File.WriteAllText(ballots.FullName, Recused);
        var json = new StringWriter();

        Assert.Equal(Tally.Success, Tally.Ranked(ballots, "schulze", json: true, json, new StringWriter()));
        var protocolFile = new FileInfo(Path.Combine(_folder.FullName, "protocol.json"));
        File.WriteAllText(protocolFile.FullName, json.ToString());
        var output = new StringWriter();

        Assert.Equal(Tally.Success, Tally.Verify(protocolFile, ballots, output, new StringWriter()));
        Assert.Equal("A", CountProtocol.FromJson(json.ToString()).Order[0].Name);

        // The same ballots without the recusal are another election: verify says so.
        File.WriteAllText(ballots.FullName, LeftOff);
        Assert.Equal(Tally.Mismatch, Tally.Verify(protocolFile, ballots, new StringWriter(), new StringWriter()));
    }
}
