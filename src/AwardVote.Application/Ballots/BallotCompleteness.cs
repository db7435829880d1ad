using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;

namespace AwardVote.Application.Ballots;

/// <summary>
/// Where a juror's score ballot stands, for the juror's desk and ballot page. "Complete" is
/// <see cref="JudgingRules.IsComplete"/>, the one definition the chair's board (<see cref="PanelProgress"/>) and the
/// count (<c>CountRound</c>) use too: a ballot the juror sees as a draft is one the board calls unfinished and the
/// count leaves out.
/// </summary>
public static class BallotCompleteness
{
    public static DeskBallotState StateOf(ScoreBallot? ballot, IReadOnlyList<Criterion> criteria) =>
        ballot is null ? DeskBallotState.NotStarted
        : ballot.Abstained ? DeskBallotState.Abstained
        : JudgingRules.IsComplete(ballot, criteria) ? DeskBallotState.Complete
        : DeskBallotState.Incomplete;
}
