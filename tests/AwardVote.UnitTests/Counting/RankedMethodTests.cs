using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Counting;

public sealed class RankedMethodTests
{
    private static CountProtocol Count(string file, RankedMethod method, RankedCountOptions? options = null) =>
        RankedCounter.Count(BallotFileParser.Parse(file), method, options);

    private static string[] Names(CountProtocol protocol) => protocol.Order.Select(p => p.Name).ToArray();

    // Source: https://en.wikipedia.org/wiki/Schulze_method#Example — the matrices d[*,*] and p[*,*] as published.
    [Fact]
    public void Schulze_reproduces_the_Wikipedia_example_pairwise_matrix_strongest_paths_and_order()
    {
        var protocol = Count(Elections.WikipediaSchulze, RankedMethod.Schulze);

        Assert.Equal(["A", "B", "C", "D", "E"], protocol.Candidates);
        long[][] pairwise = [[0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24], [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]];
        long[][] paths = [[0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24], [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]];
        Assert.Equal(pairwise, protocol.Schulze!.Pairwise.Select(r => r.ToArray()));
        Assert.Equal(paths, protocol.Schulze.StrongestPaths.Select(r => r.ToArray()));
        Assert.Equal(["E", "A", "C", "B", "D"], Names(protocol));
        Assert.Equal([1, 2, 3, 4, 5], protocol.Order.Select(p => p.Rank));
        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
        Assert.Equal(45, protocol.Voters);
    }

    // Which Schulze: link strength is "winning votes" (the ballots for the winner of the pair), not the margin or the
    // ratio. With truncated ballots the variants part: here winning votes elect D, margins would elect C (found by
    // counting both over random elections; ADR 0005 names the variant).
    [Fact]
    public void Schulze_weighs_a_pairwise_defeat_by_winning_votes_not_by_margin()
    {
        const string file = """
            D * 2
            B > A > D * 8
            D > C > A * 7
            C * 8
            C > B > D * 8
            """;

        var protocol = Count(file, RankedMethod.Schulze);

        Assert.Equal("D", Names(protocol)[0]);
        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
    }

    // Source: https://en.wikipedia.org/wiki/Instant-runoff_voting#Example (Tennessee capital).
    [Fact]
    public void Tennessee_plurality_elects_Memphis()
    {
        var protocol = Count(Elections.TennesseeCapital, RankedMethod.Plurality);

        Assert.Equal(["Memphis", "Nashville", "Knoxville", "Chattanooga"], Names(protocol));
        Assert.Equal(42m, protocol.FirstPreferences!.Single(c => c.Name == "Memphis").Value);
    }

    // Source: https://en.wikipedia.org/wiki/Instant-runoff_voting#Example — Chattanooga out first, then Nashville; Knoxville wins 58 to 42.
    [Fact]
    public void Tennessee_instant_runoff_elects_Knoxville_and_keeps_every_round()
    {
        var protocol = Count(Elections.TennesseeCapital, RankedMethod.InstantRunoff);

        Assert.Equal("Knoxville", Names(protocol)[0]);
        var rounds = protocol.InstantRunoffRounds!;
        Assert.Equal(3, rounds.Count);
        Assert.Equal(["Chattanooga"], rounds[0].Eliminated);
        Assert.Equal(["Nashville"], rounds[1].Eliminated);
        Assert.Equal(32m, rounds[1].Counts.Single(c => c.Name == "Knoxville").Value);
        Assert.Equal("Knoxville", rounds[2].Elected);
        Assert.Equal(58m, rounds[2].Counts.Single(c => c.Name == "Knoxville").Value);
        Assert.Equal(["Knoxville", "Memphis", "Nashville", "Chattanooga"], Names(protocol));
    }

    // Source: https://en.wikipedia.org/wiki/Borda_count#Example — Memphis 126, Nashville 194, Chattanooga 173, Knoxville 107.
    [Fact]
    public void Tennessee_Borda_elects_Nashville_with_the_published_points()
    {
        var protocol = Count(Elections.TennesseeCapital, RankedMethod.Borda);

        var points = protocol.BordaPoints!.ToDictionary(c => c.Name, c => c.Value);
        Assert.Equal(126m, points["Memphis"]);
        Assert.Equal(194m, points["Nashville"]);
        Assert.Equal(173m, points["Chattanooga"]);
        Assert.Equal(107m, points["Knoxville"]);
        Assert.Equal(["Nashville", "Chattanooga", "Memphis", "Knoxville"], Names(protocol));
    }

    // Source: https://en.wikipedia.org/wiki/Condorcet_method#Example — Nashville beats every other city pairwise.
    [Fact]
    public void Tennessee_Schulze_elects_the_Condorcet_winner_Nashville()
    {
        var protocol = Count(Elections.TennesseeCapital, RankedMethod.Schulze);

        Assert.Equal(["Nashville", "Chattanooga", "Knoxville", "Memphis"], Names(protocol));
    }

    [Theory]
    [InlineData(RankedMethod.Schulze)]
    [InlineData(RankedMethod.Borda)]
    [InlineData(RankedMethod.InstantRunoff)]
    [InlineData(RankedMethod.Plurality)]
    public void A_single_candidate_wins(RankedMethod method)
    {
        var protocol = Count("Solo\nSolo * 2\n", method);

        Assert.Equal([new Placement(1, "Solo")], protocol.Order);
        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
    }

    [Theory]
    [InlineData(RankedMethod.Schulze)]
    [InlineData(RankedMethod.Borda)]
    [InlineData(RankedMethod.InstantRunoff)]
    [InlineData(RankedMethod.Plurality)]
    public void An_empty_ballot_file_decides_nothing(RankedMethod method)
    {
        var protocol = Count("# nobody voted\n\n", method);

        Assert.Empty(protocol.Order);
        Assert.Equal(CountOutcome.NoBallots, protocol.Outcome);
    }

    [Theory]
    [InlineData(RankedMethod.Schulze)]
    [InlineData(RankedMethod.Borda)]
    [InlineData(RankedMethod.InstantRunoff)]
    [InlineData(RankedMethod.Plurality)]
    public void All_equal_ballots_are_reported_as_a_full_tie_not_broken_by_name(RankedMethod method)
    {
        var protocol = Count("A = B = C * 3\n", method);

        Assert.All(protocol.Order, placement => Assert.Equal(1, placement.Rank));
        Assert.Equal(3, protocol.Order.Count);
        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.Contains("tie", protocol.OutcomeReason);
    }

    [Theory]
    [InlineData(RankedMethod.Schulze)]
    [InlineData(RankedMethod.Borda)]
    [InlineData(RankedMethod.InstantRunoff)]
    [InlineData(RankedMethod.Plurality)]
    public void A_symmetric_two_way_tie_stays_a_tie(RankedMethod method)
    {
        var protocol = Count("A > B\nB > A\n", method);

        Assert.Equal([new Placement(1, "A"), new Placement(1, "B")], protocol.Order);
        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
    }

    [Fact]
    public void Borda_gives_tied_candidates_the_average_of_their_places_and_left_off_candidates_nothing()
    {
        // Ballot 1 of four candidates: A and B share places 1–2 (3 and 2 points) → 2.5 each; C 1; D left off → 0.
        // Ballot 2: D first (3), everyone else left off → 0.
        var protocol = Count("A = B > C\nD\n", RankedMethod.Borda);

        var points = protocol.BordaPoints!.ToDictionary(c => c.Name, c => c.Value);
        Assert.Equal(2.5m, points["A"]);
        Assert.Equal(2.5m, points["B"]);
        Assert.Equal(1m, points["C"]);
        Assert.Equal(3m, points["D"]);
        Assert.Equal([new Placement(1, "D"), new Placement(2, "A"), new Placement(2, "B"), new Placement(4, "C")], protocol.Order);
    }

    [Fact]
    public void Schulze_ranks_left_off_candidates_below_listed_ones_and_equal_among_themselves()
    {
        var protocol = Count("A\nB > C\n", RankedMethod.Schulze);

        var d = protocol.Schulze!.Pairwise;
        // Candidates A, B, C. Ballot 1 puts A above B and C, which are equal (both left off);
        // ballot 2 puts B above C, and both above A (left off).
        Assert.Equal(1, d[0][1]);
        Assert.Equal(1, d[1][0]);
        Assert.Equal(1, d[0][2]);
        Assert.Equal(1, d[2][0]);
        Assert.Equal(1, d[1][2]);
        Assert.Equal(0, d[2][1]);
    }

    [Fact]
    public void Plurality_splits_a_ballot_between_candidates_tied_first()
    {
        var protocol = Count("A = B > C\nC\n", RankedMethod.Plurality);

        var votes = protocol.FirstPreferences!.ToDictionary(c => c.Name, c => c.Value);
        Assert.Equal(0.5m, votes["A"]);
        Assert.Equal(0.5m, votes["B"]);
        Assert.Equal(1m, votes["C"]);
        Assert.Equal("C", protocol.Order[0].Name);
    }

    [Fact]
    public void Instant_runoff_breaks_a_tie_for_the_lowest_with_the_earlier_round()
    {
        // Round 1: A 5, B 3, C 2, D 1 → D out, its vote goes to C. Round 2: A 5, B 3, C 3 of 11, no majority;
        // B and C tie for the lowest, round 1 had C lower → C out.
        var protocol = Count("A * 5\nB * 3\nC * 2\nD > C\n", RankedMethod.InstantRunoff);

        var rounds = protocol.InstantRunoffRounds!;
        Assert.Equal(["D"], rounds[0].Eliminated);
        Assert.Equal(3m, rounds[1].Counts.Single(c => c.Name == "B").Value);
        Assert.Equal(3m, rounds[1].Counts.Single(c => c.Name == "C").Value);
        Assert.Equal(["C"], rounds[1].Eliminated);
        Assert.Contains("round 1 counts leave C lowest", rounds[1].Note);
    }

    [Fact]
    public void Instant_runoff_eliminates_tied_lowest_together_only_after_the_chain_fails_and_when_someone_is_left()
    {
        var protocol = Count("A * 3\nB * 2\nC * 2\n", RankedMethod.InstantRunoff,
            new RankedCountOptions { TieBreakChain = [new TieBreakLink(TieBreakRule.MoreFirstPreferences)] });

        var rounds = protocol.InstantRunoffRounds!;
        Assert.Equal(["B", "C"], rounds[0].Eliminated.Order());
        Assert.Contains("eliminated together", rounds[0].Note);
        Assert.Equal("did not separate: B 2, C 2", Assert.Single(protocol.TieBreaks).Why);
        Assert.Equal([new Placement(1, "A"), new Placement(2, "B"), new Placement(2, "C")], protocol.Order);
    }

    [Fact]
    public void Instant_runoff_reports_an_unbroken_tie_when_every_continuing_candidate_is_level()
    {
        var protocol = Count("A > C\nB > C\nC > A\nC > B\nA\nB\n", RankedMethod.InstantRunoff);

        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.All(protocol.Order, placement => Assert.Equal(1, placement.Rank));
    }

    [Theory]
    [InlineData(RankedMethod.Schulze)]
    [InlineData(RankedMethod.Borda)]
    [InlineData(RankedMethod.InstantRunoff)]
    [InlineData(RankedMethod.Plurality)]
    public void The_result_does_not_depend_on_the_order_of_the_ballots(RankedMethod method)
    {
        var lines = Elections.OneLinePerVoter(Elections.WikipediaSchulze);
        var expected = Count(string.Join('\n', lines), method).ToJson();

        var random = new Random(20260101);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var shuffled = lines.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Count(string.Join('\n', shuffled), method).ToJson());
        }
    }

    [Fact]
    public void The_win_rule_asks_for_a_repeat_ballot_when_the_winner_has_too_few_first_places()
    {
        var protocol = Count(Elections.TennesseeCapital, RankedMethod.Plurality,
            new RankedCountOptions { WinRule = new WinRequirement(MinimumFirstPlaces: 50, MinimumLead: null) });

        Assert.Equal(CountOutcome.RepeatBallotRequired, protocol.Outcome);
        Assert.False(protocol.WinRule!.Met);
        Assert.Equal(42m, protocol.WinRule.WinnerFirstPlaces);
        Assert.StartsWith("repeat ballot", protocol.OutcomeReason);
    }

    [Fact]
    public void The_win_rule_checks_the_lead_over_the_runner_up()
    {
        // Borda: Nashville 194, Chattanooga 173 → a lead of 21.
        var met = Count(Elections.TennesseeCapital, RankedMethod.Borda,
            new RankedCountOptions { WinRule = new WinRequirement(null, MinimumLead: 21) });
        var missed = Count(Elections.TennesseeCapital, RankedMethod.Borda,
            new RankedCountOptions { WinRule = new WinRequirement(null, MinimumLead: 22) });

        Assert.Equal(CountOutcome.Decided, met.Outcome);
        Assert.Equal(21m, met.WinRule!.Lead);
        Assert.Equal(CountOutcome.RepeatBallotRequired, missed.Outcome);
    }
}
