using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.UnitTests.Cycles;

namespace AwardVote.UnitTests.Results;

public sealed class PublicationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static RoundResult Result(RoundOutcome outcome, params Placement[] order) => new()
    {
        Method = "schulze",
        Outcome = outcome,
        BallotFile = "",
        BallotFileSha256 = "",
        ProtocolJson = new CountProtocol
        {
            Method = "schulze",
            Candidates = order.Select(p => p.Name).ToList(),
            Order = order,
            Outcome = outcome switch
            {
                RoundOutcome.Decided => CountOutcome.Decided,
                RoundOutcome.RepeatBallotRequired => CountOutcome.RepeatBallotRequired,
                _ => CountOutcome.UnbrokenTie,
            },
        }.ToJson(),
    };

    private static Publication Draft(int laureate = 7, bool approved = false, string citation = "Par drosmi.") => new()
    {
        Id = 1, CycleId = 1, CategoryId = 1, LaureateNominationId = laureate, Citation = citation,
        ApprovedAt = approved ? Now : null,
    };

    private static CategoryStanding Standing(Publication? pending, int? laureate = 7, LaureateRefusal? refusal = null, Publication? current = null) =>
        new(1, refusal is null ? new LaureateDecision("Alsungas bibliotēka", null) : LaureateDecision.Refused(refusal.Value),
            refusal is null ? laureate : null, pending, current);

    [Fact]
    public void The_laureate_is_the_single_winner_of_a_decided_final_round()
    {
        var decision = Laureates.Of(Result(RoundOutcome.Decided, new Placement(1, "Alsungas bibliotēka"), new Placement(2, "Bauskas bibliotēka")));

        Assert.Equal("Alsungas bibliotēka", decision.Name);
        Assert.Null(decision.Refusal);
    }

    [Theory]
    [InlineData(RoundOutcome.UnbrokenTie, LaureateRefusal.UnbrokenTie)]
    [InlineData(RoundOutcome.RepeatBallotRequired, LaureateRefusal.RepeatBallotRequired)]
    public void A_tie_or_a_repeat_ballot_names_no_laureate(RoundOutcome outcome, LaureateRefusal refusal)
    {
        var decision = Laureates.Of(Result(outcome, new Placement(1, "Alsungas bibliotēka"), new Placement(1, "Bauskas bibliotēka")));

        Assert.False(decision.IsDecided);
        Assert.Equal(refusal, decision.Refusal);
    }

    [Fact]
    public void The_chairs_casting_vote_among_the_tied_names_the_laureate()
    {
        var tie = Result(RoundOutcome.UnbrokenTie, new Placement(1, "Alsungas bibliotēka"), new Placement(1, "Bauskas bibliotēka"), new Placement(3, "Cesvaines bibliotēka"));
        CastingVote Vote(string name) => new() { RoundResultId = 1, ChosenName = name, ChairUserId = "chair", Reason = "Ilgtspēja." };

        Assert.Equal("Bauskas bibliotēka", Laureates.Of(tie, Vote("Bauskas bibliotēka")).Name);
        // A vote for someone not tied for first place decides nothing.
        Assert.Equal(LaureateRefusal.UnbrokenTie, Laureates.Of(tie, Vote("Cesvaines bibliotēka")).Refusal);
    }

    [Fact]
    public void No_result_or_two_first_places_name_no_laureate()
    {
        Assert.Equal(LaureateRefusal.NotCounted, Laureates.Of(null).Refusal);
        Assert.Equal(LaureateRefusal.NoSingleWinner,
            Laureates.Of(Result(RoundOutcome.Decided, new Placement(1, "A"), new Placement(1, "B"))).Refusal);
    }

    [Fact]
    public void Publication_needs_results_review()
    {
        var ready = Standing(Draft(approved: true));

        Assert.Equal(PublicationProblemKind.NotInResultsReview, Assert.Single(PublicationRules.CheckPublication(CyclePhase.Counting, [ready])).Kind);
        Assert.Equal(PublicationProblemKind.AlreadyPublished, Assert.Single(PublicationRules.CheckPublication(CyclePhase.Published, [ready])).Kind);
        Assert.Empty(PublicationRules.CheckPublication(CyclePhase.ResultsReview, [ready]));
    }

    [Fact]
    public void Publication_needs_a_citation_and_its_approval_in_every_category()
    {
        var noCitation = Standing(null);
        var notApproved = Standing(Draft()) with { CategoryId = 2 };

        var problems = PublicationRules.CheckPublication(CyclePhase.ResultsReview, [noCitation, notApproved]);

        Assert.Contains(new PublicationProblem(PublicationProblemKind.NoCitation, 1), problems);
        Assert.Contains(new PublicationProblem(PublicationProblemKind.NotApproved, 2), problems);
    }

    [Fact]
    public void Publication_is_refused_without_a_single_laureate_or_when_the_result_changed()
    {
        var tie = Standing(Draft(approved: true), refusal: LaureateRefusal.UnbrokenTie);
        var changed = Standing(Draft(laureate: 8, approved: true));

        Assert.Contains(new PublicationProblem(PublicationProblemKind.NoLaureate, 1, LaureateRefusal.UnbrokenTie),
            PublicationRules.CheckPublication(CyclePhase.ResultsReview, [tie]));
        Assert.Contains(new PublicationProblem(PublicationProblemKind.LaureateChanged, 1),
            PublicationRules.CheckPublication(CyclePhase.ResultsReview, [changed]));
    }

    [Fact]
    public void A_citation_is_written_in_review_for_a_decided_laureate_and_never_after_publication()
    {
        var published = Draft(approved: true);
        published.PublishedAt = Now;

        Assert.Empty(PublicationRules.CheckCitation(CyclePhase.ResultsReview, Standing(null), null));
        Assert.Equal(PublicationProblemKind.NotInResultsReview, Assert.Single(PublicationRules.CheckCitation(CyclePhase.Counting, Standing(null), null)).Kind);
        Assert.Equal(PublicationProblemKind.NoLaureate,
            Assert.Single(PublicationRules.CheckCitation(CyclePhase.ResultsReview, Standing(null, refusal: LaureateRefusal.RepeatBallotRequired), null)).Kind);
        Assert.Equal(PublicationProblemKind.Published, Assert.Single(PublicationRules.CheckCitation(CyclePhase.Published, Standing(null), published)).Kind);
    }

    [Fact]
    public void A_correction_is_written_after_publication_and_needs_its_note_to_be_approved_and_published()
    {
        var correction = Draft();
        correction.CorrectsPublicationId = 99;
        correction.Sequence = 2;
        var standing = Standing(correction);

        Assert.Empty(PublicationRules.CheckCitation(CyclePhase.Published, standing, correction));
        Assert.Contains(PublicationRules.CheckApproval(CyclePhase.Published, standing, correction), p => p.Kind == PublicationProblemKind.NoCorrectionNote);
        correction.CorrectionNote = "Laureāta nosaukumā bija kļūda.";
        Assert.Empty(PublicationRules.CheckApproval(CyclePhase.Published, standing, correction));
        Assert.Contains(PublicationRules.CheckCorrection(CyclePhase.Published, standing, correction), p => p.Kind == PublicationProblemKind.NotApproved);
        correction.ApprovedAt = Now;
        Assert.Empty(PublicationRules.CheckCorrection(CyclePhase.Published, standing, correction));
        correction.PublishedAt = Now;
        Assert.Equal(PublicationProblemKind.AlreadyPublished, Assert.Single(PublicationRules.CheckCorrection(CyclePhase.Published, standing, correction)).Kind);
    }

    [Fact]
    public void A_scheduled_time_must_be_in_the_future()
    {
        Assert.Single(PublicationRules.CheckSchedule(Now, Now));
        Assert.Empty(PublicationRules.CheckSchedule(Now.AddMinutes(1), Now));
    }

    [Fact]
    public void The_clock_never_publishes_even_when_the_schedule_has_a_time_for_it()
    {
        var cycle = new CycleBuilder().InPhase(CyclePhase.ResultsReview).Build();
        foreach (var step in cycle.Schedule.Where(s => s.Phase >= CyclePhase.ResultsReview))
            step.StartsAt = Now.AddDays(-1);

        Assert.Null(PhasePlan.DueStep(cycle, Now));
    }

    [Fact]
    public void Results_are_not_published_or_taken_back_by_moving_the_phase_by_hand()
    {
        var review = new CycleBuilder().InPhase(CyclePhase.ResultsReview).Build();
        var published = new CycleBuilder().InPhase(CyclePhase.Published).Build();

        Assert.Equal(ManualMoveRefusal.PublicationOnly, ManualMove.Target(review, forward: true).Refusal);
        Assert.Equal(ManualMoveRefusal.PublicationOnly, ManualMove.Target(published, forward: false).Refusal);
        Assert.Equal(CyclePhase.Archived, ManualMove.Target(published, forward: true).Target?.Phase);
        Assert.Equal(CyclePhase.Counting, ManualMove.Target(review, forward: false).Target?.Phase);
    }
}
