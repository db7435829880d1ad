using AwardVote.Domain.Counting;

namespace AwardVote.UnitTests.Counting;

public sealed class BallotFileTests
{
    [Theory]
    [InlineData("A > B\nA >> B\n", 2, "'>>'")]
    [InlineData("A > \n", 1, "empty name after the last '>'")]
    [InlineData("# comment\n\n = B\n", 3, "empty name before the first '='")]
    [InlineData("A > B * x\n", 1, "bad weight 'x'")]
    [InlineData("A > B * 0\n", 1, "bad weight '0'")]
    [InlineData("A > B * -2\n", 1, "bad weight '-2'")]
    [InlineData("A > B = A\n", 1, "'A' appears twice")]
    [InlineData("* 3\n", 1, "a weight with no ranking")]
    public void A_malformed_line_is_reported_with_its_number_and_what_is_wrong(string file, int line, string problem)
    {
        var exception = Assert.Throws<BallotFormatException>(() => BallotFileParser.Parse(file));

        Assert.Equal(line, exception.LineNumber);
        Assert.Contains(problem, exception.Problem);
    }

    [Fact]
    public void Names_may_contain_spaces_and_comments_and_blank_lines_are_skipped()
    {
        var ballots = BallotFileParser.Parse("# a comment\n\n  Los Angeles > New York = Boston * 2  # trailing\n");

        Assert.Equal(["Boston", "Los Angeles", "New York"], ballots.Candidates);
        var ballot = Assert.Single(ballots.Ballots);
        Assert.Equal(2, ballot.Weight);
        Assert.Equal([[1], [0, 2]], ballot.Groups);
    }

    [Fact]
    public void The_canonical_file_sorts_names_and_ballots_and_merges_identical_ballots()
    {
        var ballots = BallotFileParser.Parse("C > B = A\nZ\nA = B > C * 2\nB = A > C\n");

        Assert.Equal("A = B > C * 3\nC > A = B\nZ\n", BallotFileWriter.Write(ballots));
    }

    [Fact]
    public void The_hash_identifies_the_ballots_not_their_order_or_spelling()
    {
        var first = BallotFileParser.Parse("A > B\nB = C\nA > B\n");
        var second = BallotFileParser.Parse("C = B  # tied\nA>B*2\n");

        Assert.Equal(BallotFileWriter.Sha256Hex(first), BallotFileWriter.Sha256Hex(second));
        Assert.Matches("^[0-9a-f]{64}$", BallotFileWriter.Sha256Hex(first));
        Assert.NotEqual(BallotFileWriter.Sha256Hex(first), BallotFileWriter.Sha256Hex(BallotFileParser.Parse("A > B\nB = C\n")));
    }

    [Fact]
    public void The_canonical_file_reads_back_to_the_same_ballots()
    {
        var ballots = BallotFileParser.Parse(Elections.WikipediaSchulze);
        var canonical = BallotFileWriter.Write(ballots);

        Assert.Equal(canonical, BallotFileWriter.Write(BallotFileParser.Parse(canonical)));
    }

    [Fact]
    public void The_published_hash_is_the_SHA_256_of_the_canonical_file_text()
    {
        var ballots = BallotFileParser.Parse(Elections.TennesseeCapital);

        var text = BallotFileWriter.Write(ballots);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, BallotFileWriter.Sha256Hex(ballots));
    }
}
