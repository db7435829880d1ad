using System.Text.Json;
using System.Text.Json.Serialization;
using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Counting;

public enum CountOutcome
{
    /// <summary>The winner (and the shortlist, if any) is decided.</summary>
    Decided,
    /// <summary>The statute's win rule is not met: the round needs a repeat ballot.</summary>
    RepeatBallotRequired,
    /// <summary>A tie that decides the result and that the tie-break chain cannot break.</summary>
    UnbrokenTie,
    /// <summary>No ballots, or no candidates: nothing to decide.</summary>
    NoBallots,
}

/// <summary>A place in the final order; tied names share the rank (1, 1, 3 …).</summary>
public sealed record Placement(int Rank, string Name);

/// <summary>One link of the statute's tie-break chain as the counting engine needs it.</summary>
public sealed record TieBreakLink(TieBreakRule Rule, string? Criterion = null);

/// <summary>One application of a tie-break rule: who was tied, the groups it made (best first) and why.</summary>
/// <param name="Why">In English, for the command line; a page says it from the other fields, in its reader's language.</param>
/// <param name="Values">The rule's evidence for each of <paramref name="Tied"/>, in the same order; null where the rule
/// was not evaluated (it does not apply to the method, or it is the casting vote or a repeat ballot), and in
/// protocols counted before the values were recorded.</param>
public sealed record TieBreakApplication(
    TieBreakRule Rule, string? Criterion, IReadOnlyList<string> Tied, IReadOnlyList<IReadOnlyList<string>> Result, string Why,
    IReadOnlyList<decimal>? Values = null);

/// <summary>The statute's optional win rule; null parts are not required.</summary>
public sealed record WinRequirement(decimal? MinimumFirstPlaces, decimal? MinimumLead)
{
    public static WinRequirement? From(WinRule rule) =>
        rule.IsSet ? new WinRequirement(rule.MinimumFirstPlaces, rule.MinimumLead) : null;
}

public sealed record WinRuleCheck(decimal? MinimumFirstPlaces, decimal? MinimumLead, decimal WinnerFirstPlaces, decimal Lead, bool Met, string Why);

public sealed record CandidateValue(string Name, decimal Value);

public sealed record SchulzeSteps(IReadOnlyList<IReadOnlyList<long>> Pairwise, IReadOnlyList<IReadOnlyList<long>> StrongestPaths);

/// <param name="Abstained">Voters whose ballot has no preference about a continuing candidate: left out of this round.</param>
public sealed record InstantRunoffRound(
    int Number, IReadOnlyList<CandidateValue> Counts, decimal Exhausted, decimal ContinuingTotal,
    IReadOnlyList<string> Eliminated, string? Elected, string Note, decimal Abstained = 0);

public sealed record ScoreNomination(
    string Name, int Jurors, decimal Mean, decimal Median, decimal Normalised, IReadOnlyList<CandidateValue> CriterionMeans);

public sealed record SensitivityMeasure(string Measure, IReadOnlyList<string> Winners, IReadOnlyList<string> Shortlist);

public sealed record SensitivityLine(IReadOnlyList<SensitivityMeasure> Measures, bool WinnerChanges, bool ShortlistChanges, string Summary);

public sealed record ScoreSteps(
    IReadOnlyList<CandidateValue> CriterionWeights, IReadOnlyList<ScoreNomination> Nominations, int? ShortlistSize,
    IReadOnlyList<string> Shortlist, SensitivityLine Sensitivity);

/// <summary>The chair's casting vote on an unbroken tie for first place: who cast it, for whom, why and when.</summary>
public sealed record CastingVoteRecord(string Chair, string Chosen, string Reason, DateTimeOffset CastAt);

/// <summary>
/// Everything a count did, in the order it did it: enough to publish, and for <c>awardvote verify</c> to recount.
/// Only the part of the method used is set.
/// </summary>
public sealed record CountProtocol
{
    public required string Method { get; init; }
    public required IReadOnlyList<string> Candidates { get; init; }
    public string? BallotFileSha256 { get; init; }
    /// <summary>The statute's tie-break chain and win rule the count used, so a recount can use them too.</summary>
    public IReadOnlyList<TieBreakLink> TieBreakChain { get; init; } = [];
    public WinRequirement? WinRequirement { get; init; }
    /// <summary>Voters (sum of ballot weights) or, for score rounds, jurors.</summary>
    public long Voters { get; init; }
    public required IReadOnlyList<Placement> Order { get; init; }
    public IReadOnlyList<TieBreakApplication> TieBreaks { get; init; } = [];
    public CountOutcome Outcome { get; init; }
    public string OutcomeReason { get; init; } = "";
    public WinRuleCheck? WinRule { get; init; }
    public SchulzeSteps? Schulze { get; init; }
    public IReadOnlyList<CandidateValue>? BordaPoints { get; init; }
    public IReadOnlyList<InstantRunoffRound>? InstantRunoffRounds { get; init; }
    public IReadOnlyList<CandidateValue>? FirstPreferences { get; init; }
    public ScoreSteps? Score { get; init; }
    /// <summary>
    /// Each candidate some ballots express no preference about (jurors' recusals), with the number of voters whose
    /// ballot does; null when there are none.
    /// </summary>
    public IReadOnlyList<CandidateValue>? NoPreferences { get; init; }
    /// <summary>How the method counted those ballots (<see cref="RankedCounter.NoPreferenceRule"/>).</summary>
    public string? NoPreferenceRule { get; init; }
    /// <summary>
    /// Set on the published protocol once the chair has broken the count's unbroken tie (see
    /// <c>TieRules.WithCastingVote</c>); the count's own protocol, which the ballot file's hash backs, never has it.
    /// </summary>
    public CastingVoteRecord? CastingVote { get; init; }
    /// <summary>Score rounds: ballots left out of the count because they were not complete (a draft, neither fully scored nor an abstention).</summary>
    public int? IncompleteBallotsLeftOut { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static CountProtocol FromJson(string json) =>
        JsonSerializer.Deserialize<CountProtocol>(json, JsonOptions)
        ?? throw new JsonException("the protocol is empty");
}
