namespace AwardVote.Domain.Results;

/// <summary>
/// The chair's casting vote on a round whose first place the tie-break chain could not separate. One per result (a
/// unique key): the count itself is never changed, the vote is recorded beside it and read with it.
/// </summary>
public sealed class CastingVote
{
    public int Id { get; set; }
    public int RoundResultId { get; set; }
    /// <summary>The chosen nomination's name as the count knows it (one of the names tied for first place).</summary>
    public required string ChosenName { get; set; }
    public int ChosenNominationId { get; set; }
    public required string ChairUserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CastAt { get; set; }
}
