using AwardVote.Cli;

namespace AwardVote.UnitTests.Counting;

public sealed class TallyCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("awardvote-tally-");

    public void Dispose() => _folder.Delete(recursive: true);

    private FileInfo Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return new FileInfo(path);
    }

    [Fact]
    public void Tally_prints_one_rank_and_name_per_line_winner_first()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = Tally.Ranked(Write("ballots.txt", Elections.WikipediaSchulze), "schulze", json: false, output, error);

        Assert.Equal(0, exit);
        Assert.Equal("1\tE\n2\tA\n3\tC\n4\tB\n5\tD\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Tied_names_share_a_rank()
    {
        var output = new StringWriter();

        Tally.Ranked(Write("ballots.txt", "A > B > C\nB > A > C\n"), "borda", json: false, output, new StringWriter());

        Assert.Equal("1\tA\n1\tB\n3\tC\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_malformed_file_exits_2_with_file_and_line()
    {
        var file = Write("bad.txt", "A > B\n\nA > > B\n");
        var error = new StringWriter();

        var exit = Tally.Ranked(file, "irv", json: false, new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{file.FullName}:3: ", error.ToString());
    }

    [Fact]
    public void An_unknown_method_exits_2()
    {
        var error = new StringWriter();

        Assert.Equal(2, Tally.Ranked(Write("ballots.txt", "A\n"), "coin-toss", json: false, new StringWriter(), error));
        Assert.Contains("unknown method 'coin-toss'", error.ToString());
    }

    [Fact]
    public void Verify_accepts_a_published_protocol_and_reordered_ballots()
    {
        var protocolText = new StringWriter();
        Tally.Ranked(Write("ballots.txt", Elections.TennesseeCapital), "irv", json: true, protocolText, new StringWriter());
        var protocol = Write("protocol.json", protocolText.ToString());
        var reordered = Write("reordered.txt", string.Join('\n', Elections.OneLinePerVoter(Elections.TennesseeCapital).AsEnumerable().Reverse()));
        var output = new StringWriter();

        var exit = Tally.Verify(protocol, reordered, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.StartsWith("OK", output.ToString());
    }

    [Fact]
    public void Verify_reports_a_changed_ballot_file_and_result()
    {
        var protocolText = new StringWriter();
        Tally.Ranked(Write("ballots.txt", Elections.TennesseeCapital), "plurality", json: true, protocolText, new StringWriter());
        var protocol = Write("protocol.json", protocolText.ToString());
        var tampered = Write("tampered.txt", Elections.TennesseeCapital.Replace("* 26", "* 46"));
        var output = new StringWriter();

        var exit = Tally.Verify(protocol, tampered, output, new StringWriter());

        Assert.Equal(1, exit);
        Assert.Contains("MISMATCH ballot file SHA-256", output.ToString());
        Assert.Contains("MISMATCH order", output.ToString());
    }

    [Fact]
    public void Score_tally_reads_the_csv_with_weights_and_a_shortlist()
    {
        var file = Write("scores.csv", """
            juror,nomination,criterion,score
            J1,Ogre,quality,9
            J1,Ogre,reach,5
            J1,Cēsis,quality,6
            J1,Cēsis,reach,9
            J2,Ogre,quality,conflict
            J2,Ogre,reach,conflict
            J2,Cēsis,quality,7
            J2,Cēsis,reach,8
            """);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = Tally.Score(file, "quality=3,reach=1", shortlist: 1, json: false, output, error);

        // Ogre: J1 (27 + 5) / 4 = 8 (J2 recused); Cēsis: J1 (18 + 9) / 4 = 6.75, J2 (21 + 8) / 4 = 7.25 → 7.
        Assert.Equal(0, exit);
        Assert.Equal("1\tOgre\n2\tCēsis\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("sensitivity", error.ToString());
    }

    [Fact]
    public void Verify_recounts_a_score_protocol()
    {
        var file = Write("scores.csv", "J1,X,quality,9\nJ2,X,quality,7\nJ1,Y,quality,4\nJ2,Y,quality,abstain\n");
        var protocolText = new StringWriter();
        Tally.Score(file, "quality=2", shortlist: null, json: true, protocolText, new StringWriter());

        var exit = Tally.Verify(Write("protocol.json", protocolText.ToString()), file, new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
    }

    [Fact]
    public void The_tie_break_chain_can_be_given_on_the_command_line()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        // Borda: A 4, B 4, C 1; A has more first preferences.
        var exit = Tally.Ranked(Write("ballots.txt", "A > B > C * 2\nB > C > A\n"), "borda", json: false, output, error,
            options: null, tieBreak: "higher-median,more-first-preferences,chair", allowEqualRanks: true);

        Assert.Equal(0, exit);
        Assert.Equal("1\tA\n2\tB\n3\tC\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Equal_ranks_are_an_error_where_the_statute_forbids_them()
    {
        var file = Write("ballots.txt", "A > B\nA = B\n");
        var error = new StringWriter();

        var exit = Tally.Ranked(file, "schulze", json: false, new StringWriter(), error, options: null, tieBreak: null, allowEqualRanks: false);

        Assert.Equal(2, exit);
        Assert.Equal($"{file.FullName}:2: equal ranks ('=') are not allowed in this round", error.ToString().Trim());
    }
}
