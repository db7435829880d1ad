using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Counting;

/// <summary>
/// A counting method added to the statute but not to the counting engine must fail here, not be counted as another
/// method on election night.
/// </summary>
public sealed class CountingMethodsTests
{
    public static TheoryData<CountingMethod> EveryCountingMethod => new(Enum.GetValues<CountingMethod>());

    public static TheoryData<RankedMethod> EveryRankedMethod => new(Enum.GetValues<RankedMethod>());

    [Theory, MemberData(nameof(EveryCountingMethod))]
    public void Every_counting_method_has_a_counter(CountingMethod method)
    {
        switch (CountingMethods.BallotKindOf(method))
        {
            case BallotKind.Ranked:
                // The ranked method of the same name: a mapping to a neighbour (Borda counted as Schulze) fails too.
                Assert.Equal(method.ToString(), CountingMethods.ToRanked(method).ToString());
                break;
            case BallotKind.Score:
                // The score count is ScoreCounter's weighted mean, its only method: a second score method needs a
                // count of its own, not this one.
                Assert.Equal(CountingMethod.WeightedMean, method);
                Assert.Throws<ArgumentException>(() => CountingMethods.ToRanked(method));
                break;
            default:
                Assert.Fail($"{method} counts {CountingMethods.BallotKindOf(method)} ballots, which no counter counts");
                break;
        }
    }

    [Theory, MemberData(nameof(EveryCountingMethod))]
    public void Every_counting_method_fits_exactly_the_ballots_it_counts(CountingMethod method)
    {
        foreach (var kind in Enum.GetValues<BallotKind>())
            Assert.Equal(kind == CountingMethods.BallotKindOf(method), StatuteRules.MethodFits(kind, method));
    }

    [Fact]
    public void Every_ranked_method_is_reachable_from_the_statute()
    {
        var mapped = Enum.GetValues<CountingMethod>()
            .Where(m => CountingMethods.BallotKindOf(m) == BallotKind.Ranked)
            .Select(CountingMethods.ToRanked)
            .Order();

        Assert.Equal(Enum.GetValues<RankedMethod>().Order(), mapped);
    }

    [Fact]
    public void An_undefined_counting_method_throws_and_says_which()
    {
        var undefined = (CountingMethod)999;

        var toRanked = Assert.Throws<ArgumentOutOfRangeException>(() => CountingMethods.ToRanked(undefined));
        var ballotKind = Assert.Throws<ArgumentOutOfRangeException>(() => CountingMethods.BallotKindOf(undefined));

        Assert.Contains("Counting method 999 is not mapped", toRanked.Message);
        Assert.Contains("Counting method 999 is not mapped", ballotKind.Message);
        Assert.Equal(undefined, toRanked.ActualValue);
        // The statute check refuses it as a problem of the statute instead of failing the page.
        Assert.False(StatuteRules.MethodFits(BallotKind.Ranked, undefined));
        Assert.False(StatuteRules.MethodFits(BallotKind.Score, undefined));
    }

    [Theory, MemberData(nameof(EveryRankedMethod))]
    public void Every_ranked_method_has_a_protocol_name_the_recount_reads_back(RankedMethod method) =>
        Assert.Equal(method, RankedCounter.ParseMethod(RankedCounter.MethodName(method)));

    [Fact]
    public void An_undefined_ranked_method_throws_and_says_which()
    {
        var undefined = (RankedMethod)999;
        var ballots = BallotFileParser.Parse("A > B\n");

        var name = Assert.Throws<ArgumentOutOfRangeException>(() => RankedCounter.MethodName(undefined));
        var count = Assert.Throws<ArgumentOutOfRangeException>(() => RankedCounter.Count(ballots, undefined));

        Assert.Contains("Ranked method 999", name.Message);
        Assert.Contains("Ranked method 999", count.Message);
    }
}
