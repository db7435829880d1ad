using AwardVote.Domain.Counting;
using AwardVote.Domain.PeoplesChoice;

namespace AwardVote.UnitTests.PeoplesChoice;

public sealed class PeoplesChoiceCountTests
{
    [Fact]
    public void The_ballot_file_has_one_sorted_line_per_nominee_with_votes_and_recounts_offline()
    {
        var tally = PeoplesChoiceCount.Count([new(1, "Cesvaines bibliotēka", 3), new(2, "Alsungas bibliotēka", 1), new(3, "Bauskas bibliotēka", 0)]);

        Assert.Equal("Alsungas bibliotēka\nCesvaines bibliotēka * 3\n", tally.BallotFile);
        Assert.Equal(BallotFileWriter.Sha256Hex(tally.BallotFile), tally.Sha256);
        Assert.Equal(CountOutcome.Decided, tally.Protocol.Outcome);
        Assert.Equal(["Cesvaines bibliotēka", "Alsungas bibliotēka"], tally.Protocol.Order.Select(p => p.Name));
        Assert.Equal(4, tally.Protocol.Voters);

        // awardvote verify, on the files an administrator downloads, agrees.
        var directory = Directory.CreateTempSubdirectory("peoples-choice-");
        try
        {
            var protocol = Path.Combine(directory.FullName, "protocol.json");
            var ballots = Path.Combine(directory.FullName, "ballots.txt");
            File.WriteAllText(protocol, tally.Protocol.ToJson());
            File.WriteAllText(ballots, tally.BallotFile);
            var output = new StringWriter();
            Assert.Equal(AwardVote.Cli.Tally.Success, AwardVote.Cli.Tally.Verify(new FileInfo(protocol), new FileInfo(ballots), output, new StringWriter()));
            Assert.StartsWith("OK", output.ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_same_votes_in_another_order_give_the_same_file_and_hash()
    {
        var one = PeoplesChoiceCount.Count([new(1, "A", 5), new(2, "B", 2)]);
        var other = PeoplesChoiceCount.Count([new(2, "B", 2), new(1, "A", 5)]);
        Assert.Equal(one.BallotFile, other.BallotFile);
        Assert.Equal(one.Sha256, other.Sha256);
    }

    [Fact]
    public void A_tie_for_first_place_is_reported_not_decided()
    {
        var tally = PeoplesChoiceCount.Count([new(1, "A", 2), new(2, "B", 2)]);
        Assert.Equal(CountOutcome.UnbrokenTie, tally.Protocol.Outcome);
        Assert.Equal([1, 1], tally.Protocol.Order.Select(p => p.Rank));
    }

    [Fact]
    public void Names_are_made_safe_for_the_file_and_namesakes_told_apart()
    {
        var names = PeoplesChoiceCount.BallotNames([new(4, "A > B = C, # * D", 1), new(5, "Bibliotēka", 1), new(6, "Bibliotēka", 1)]);
        Assert.Equal(["A   B   C      D", "Bibliotēka (5)", "Bibliotēka (6)"], names);
        var tally = PeoplesChoiceCount.Count([new(5, "Bibliotēka", 1), new(6, "Bibliotēka", 2)]);
        Assert.Equal(6, tally.NominationOfName[tally.Protocol.Order[0].Name]);
    }

    [Fact]
    public void No_votes_give_an_empty_file_and_no_winner()
    {
        var tally = PeoplesChoiceCount.Count([new(1, "A", 0)]);
        Assert.Equal("", tally.BallotFile);
        Assert.Equal(CountOutcome.NoBallots, tally.Protocol.Outcome);
    }
}
