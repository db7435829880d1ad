using System.ComponentModel.DataAnnotations;

namespace AwardVote.Application.Ballots;

/// <summary>
/// A juror's paper score ballot as an administrator types it in: whose it is and what it says. It has no private
/// notes and no version: the notes are the juror's alone, and a paper ballot never changes an electronic one.
/// </summary>
public sealed class EnterPaperScoreBallotInput
{
    public string? JurorId { get; set; }

    public int NominationId { get; set; }

    /// <summary>Criterion id → score; null or missing means "no entry".</summary>
    public Dictionary<int, int?>? Scores { get; set; } = [];

    public bool Abstained { get; set; }

    [StringLength(CastScoreBallotInput.MaxText, ErrorMessage = "The comment can be at most {1} characters long.")]
    [Display(Name = "Comment for the nominee")]
    public string? Comment { get; set; }
}

/// <summary>
/// An administrator enters a juror's paper score ballot, for the paper-ballot page and the API alike: the juror's
/// rules (<see cref="CastScoreBallot"/>: panel, conflicts, open round, scale), marked as a paper ballot with who
/// entered it, refused while the juror has an electronic ballot on the nomination, and never touching their notes.
/// </summary>
public sealed class EnterPaperScoreBallot(CastScoreBallot cast) : IUseCase
{
    public Task<Outcome> RunAsync(EnterPaperScoreBallotInput input, string administratorUserId, CancellationToken cancellationToken) =>
        cast.RunAsync(input.JurorId ?? "", new CastScoreBallotInput
        {
            NominationId = input.NominationId, Scores = input.Scores ?? [], Abstained = input.Abstained, Comment = input.Comment,
        }, enteredBy: administratorUserId, cancellationToken);
}
