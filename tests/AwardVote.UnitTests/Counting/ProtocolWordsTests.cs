using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Web.Localization;
using Microsoft.Extensions.Localization;

namespace AwardVote.UnitTests.Counting;

/// <summary>
/// A count's protocol in words, from its structure (never the engine's English reasons): the outcome, each
/// tie-break step as a sentence with its evidence, the sensitivity line; protocols stored before the evidence was
/// recorded still read.
/// </summary>
public sealed class ProtocolWordsTests
{
    private static readonly IStringLocalizer L = new KeysAsText();

    // Borda: A and B tie on points; A has 2 first preferences, B 1.
    private const string BordaTie = "A > B > C * 2\nB > C > A\n";

    [Fact]
    public void Each_tie_break_step_is_a_sentence_with_the_rule_the_tied_and_what_it_did()
    {
        var protocol = RankedCounter.Count(BallotFileParser.Parse(BordaTie), RankedMethod.Borda, new RankedCountOptions
        {
            TieBreakChain = [new TieBreakLink(TieBreakRule.HigherMeanOnCriterion, "Pakalpojumi"), new TieBreakLink(TieBreakRule.MoreFirstPreferences)],
        });

        Assert.Equal(
        [
            "Higher mean on a criterion: Services. Tied: A, B. The rule does not apply to this counting method.",
            "More first preferences. Tied: A, B. Order after this rule: A (2) > B (1).",
        ], protocol.TieBreaks.Select(t => ProtocolWords.TieBreak(t, L, name => name == "Pakalpojumi" ? "Services" : name)));
        Assert.Equal("Winner: A.", ProtocolWords.Reason(protocol, L));
        Assert.All(protocol.TieBreaks, t => Assert.DoesNotContain(" .", ProtocolWords.TieBreak(t, L)));
    }

    [Fact]
    public void An_unbroken_tie_says_who_is_tied_and_what_the_statute_needs()
    {
        var chair = RankedCounter.Count(BallotFileParser.Parse("A > B\nB > A\n"), RankedMethod.Schulze, new RankedCountOptions
        {
            TieBreakChain = [new TieBreakLink(TieBreakRule.MoreFirstPreferences), new TieBreakLink(TieBreakRule.ChairCastingVote)],
        });
        Assert.Equal("Tied for first place: A, B. The statute leaves it to the chair's casting vote.", ProtocolWords.Reason(chair, L));
        Assert.Equal(
        [
            "More first preferences. Tied: A, B. The rule did not separate them: A (1), B (1).",
            "The chair's casting vote. Tied: A, B. They stay tied: the chair's casting vote is needed.",
        ], chair.TieBreaks.Select(t => ProtocolWords.TieBreak(t, L)));

        var noChain = RankedCounter.Count(BallotFileParser.Parse("A = B\n"), RankedMethod.Plurality);
        Assert.Equal("Tied for first place: A, B. The statute has no tie-break chain: a repeat ballot or the chair's casting vote is needed.",
            ProtocolWords.Reason(noChain, L));

        var decided = TieRules.WithCastingVote(chair, new CastingVoteRecord("Priekšsēdētāja", "B", "Pamatojums", DateTimeOffset.UnixEpoch));
        Assert.Equal("Decided by the chair's casting vote: B. The tie was between: B, A.", ProtocolWords.Reason(decided, L));
    }

    [Fact]
    public void A_tie_at_the_shortlist_cut_names_the_tied_and_a_decided_shortlist_names_who_goes_on()
    {
        ScoreLine[] tied = [new("j1", "X", "k", 5), new("j1", "Y", "k", 3), new("j1", "Z", "k", 3)];
        var cut = ScoreCounter.Count(tied, new ScoreCountOptions { ShortlistSize = 2 });
        Assert.Equal("Tied at the shortlist's last place (2 go on): Y, Z. The tie-break chain does not separate them: a repeat ballot or the chair's casting vote is needed.",
            ProtocolWords.Reason(cut, L));

        var shortlist = ScoreCounter.Count(tied, new ScoreCountOptions { ShortlistSize = 1 });
        Assert.Equal("Go on to the next round: X.", ProtocolWords.Reason(shortlist, L));
        Assert.Equal("The result is the same under every measure.", ProtocolWords.Sensitivity(shortlist.Score!.Sensitivity, L));
        Assert.Equal(["Weighted mean", "Median", "Normalised mean (z-score)"], shortlist.Score.Sensitivity.Measures.Select(m => ProtocolWords.Measure(m.Measure, L)));
    }

    [Fact]
    public void A_protocol_stored_before_the_evidence_was_recorded_still_reads()
    {
        var old = new TieBreakApplication(TieBreakRule.HigherMedian, null, ["A", "B"], [["A", "B"]], "did not separate: A 3, B 3");
        var json = new CountProtocol { Method = "score", Candidates = ["A", "B"], Order = [new(1, "A"), new(1, "B")], TieBreaks = [old] }.ToJson();
        var read = CountProtocol.FromJson(json);

        Assert.Null(read.TieBreaks[0].Values);
        Assert.Equal("Higher median score. Tied: A, B. The rule did not separate them.", ProtocolWords.TieBreak(read.TieBreaks[0], L));
        Assert.Equal("Weighted mean of the scores", ProtocolWords.Method(read.Method, L));
    }

    /// <summary>A localizer that answers with the English key, formatted.</summary>
    private sealed class KeysAsText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
