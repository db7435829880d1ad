using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Security;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.BrowserTests.Accessibility;

/// <summary>
/// Data so that every page the accessibility scan visits shows real content: on top of the demo data (the open
/// cycle with the library's draft, the 2019 laureate), a scored round the juror judges (and chairs), a ranked final,
/// a cycle in eligibility review, a counted round in results review with a citation, a people's-choice vote that is
/// open, and mail in the outbox, one of it failed.
/// </summary>
public sealed class AccessibilityWorld
{
    public required JudgingScenario Scored { get; init; }
    public required JudgingScenario Ranked { get; init; }
    public int ReviewCycleId { get; private set; }
    public int ResultsCycleId { get; private set; }
    public int ResultId { get; private set; }
    public int ResultsCategoryId { get; private set; }
    public string VoteSlug { get; private set; } = "";
    public int VoteCycleId { get; private set; }
    public int DemoCycleId { get; private set; }
    public string DemoSlug { get; private set; } = "";
    public int DemoDraftId { get; private set; }
    public int DemoLibraryId { get; private set; }
    /// <summary>The one-time link's token of a letter of support asked for on the demo draft and not written yet.</summary>
    public string EndorsementToken { get; private set; } = "";

    /// <summary>The juror of both the scored and the ranked round, and chair of the scored one.</summary>
    public string JurorEmail => Scored.JurorAEmail;

    public static async Task<AccessibilityWorld> CreateAsync(AwardVoteApp app)
    {
        var world = new AccessibilityWorld
        {
            Scored = await JudgingScenario.CreateAsync(app),
            Ranked = await JudgingScenario.CreateAsync(app, ranked: true),
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;

        // The juror also sits on the ranked final's panel and chairs the scored round (progress, conflicts).
        db.RoleGrants.Add(RoleGrant.Juror(world.Scored.JurorA, world.Ranked.CycleId, world.Ranked.CategoryId, now, null));
        db.RoleGrants.Add(RoleGrant.Chair(world.Scored.JurorA, world.Scored.CycleId, world.Scored.CategoryId, now, null));
        // The other juror has scored one nomination and has a proposed conflict on another.
        db.ScoreBallots.Add(new ScoreBallotBuilder(world.Scored.RoundId, world.Scored.NominationIds[0], world.Scored.JurorB)
            .Scores(world.Scored.CriterionIds, 4, 3).Comment("Spēcīgi pakalpojumi.").Build());
        db.Conflicts.Add(new ConflictOfInterest
        {
            CycleId = world.Scored.CycleId, NominationId = world.Scored.NominationIds[2], JurorUserId = world.Scored.JurorB,
            Source = ConflictSource.SameMunicipality, Reason = "Cesvaine", Status = ConflictStatus.Proposed, RaisedAt = now,
        });
        await db.SaveChangesAsync();

        var demo = await db.Cycles.SingleAsync(c => c.Phase == CyclePhase.NominationsOpen && c.Slug.StartsWith("gada-biblioteka-"));
        world.DemoCycleId = demo.Id;
        world.DemoSlug = demo.Slug;
        var draft = await db.Nominations.SingleAsync(n => n.CycleId == demo.Id);
        world.DemoDraftId = draft.Id;
        world.DemoLibraryId = draft.LibraryId;
        var (token, hash) = OneTimeToken.Create();
        world.EndorsementToken = token;
        db.Endorsements.Add(new Endorsement
        {
            NominationId = draft.Id, EndorserName = "Daugavpils novada dome", EndorserEmail = "dome@daugavpils.example",
            TokenHash = hash, TokenExpiresAt = now.AddDays(30), RequestedAt = now,
        });
        await db.SaveChangesAsync();

        world.ReviewCycleId = await ReviewCycleAsync(db, now);
        (world.VoteCycleId, world.VoteSlug) = await VoteCycleAsync(db, now);
        (world.ResultsCycleId, world.ResultId) = await CountedCycleAsync(db, app, now);
        world.ResultsCategoryId = await db.Categories.Where(c => c.CycleId == world.ResultsCycleId).Select(c => c.Id).SingleAsync();
        await OutboxAsync(db, now);
        return world;
    }

    private static CycleBuilder NewCycle(string title, CyclePhase phase, int[] offsets) => new CycleBuilder()
        .Titled(title, title + " (EN)").Slug("a11y", length: 24).InPhase(phase).NomineesPublic()
        .WithCriterion("Pakalpojumi", 0.6m, english: "Services").WithCriterion("Projekti", 0.4m, english: "Projects")
        .WithEligibilityRule("Latvijas publiskā bibliotēka", "A Latvian public library")
        .Timeline(open: offsets[0], review: offsets[1], judging: offsets[2], counting: offsets[3]);

    private static async Task<int[]> NominationsAsync(AppDbContext db, AwardCycle cycle, EligibilityDecision eligibility, DateTimeOffset now, params string[] names)
    {
        var ids = new List<int>();
        foreach (var name in names)
        {
            var nomination = await new NominationBuilder(cycle).Of(new LibraryBuilder($"{name} bibliotēka").In("Zemgale", name))
                .Submitted(now.AddDays(-5)).Eligibility(eligibility)
                .Summary($"{name}: lasītāji, kopiena un jauni pakalpojumi.").Achievements($"{name} atvēra bērnu lasītavu un sāka grāmatu busu.")
                .Frozen(eligibility == EligibilityDecision.NotReviewed ? now.AddDays(-1) : now.AddDays(-20))
                .SaveAsync(db);
            ids.Add(nomination.Id);
        }
        return [.. ids];
    }

    private static async Task<int> ReviewCycleAsync(AppDbContext db, DateTimeOffset now)
    {
        var cycle = await NewCycle("Atbilstības pārbaude", CyclePhase.EligibilityReview, [-30, -1, 10, 20]).SaveAsync(db);
        await NominationsAsync(db, cycle, EligibilityDecision.NotReviewed, now, "Dobeles", "Ērgļu");
        return cycle.Id;
    }

    private static async Task<(int, string)> VoteCycleAsync(AppDbContext db, DateTimeOffset now)
    {
        var cycle = await NewCycle("Publikas balsojums", CyclePhase.Judging, [-40, -30, -10, 10])
            .WithPeoplesChoice(now.AddDays(-1), now.AddDays(7)).SaveAsync(db);
        var ids = await NominationsAsync(db, cycle, EligibilityDecision.Eligible, now, "Kuldīgas", "Limbažu");
        var request = new VoteRequest
        {
            CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id, NominationId = ids[0], VoterEmail = "LASITAJA@LASITAJI.EXAMPLE", VoterKey = "LASITAJA@LASITAJI.EXAMPLE",
            TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()), RequestedAt = now.AddHours(-2), ExpiresAt = now.AddHours(20),
            ConfirmedAt = now.AddHours(-1), RequestIp = "127.0.0.1",
        };
        db.VoteRequests.Add(request);
        await db.SaveChangesAsync();
        db.PeoplesChoiceVotes.Add(new PeoplesChoiceVote
        {
            CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id, NominationId = ids[0], VoterEmail = request.VoterEmail, VoterKey = request.VoterKey,
            AllowanceKey = $"category:{cycle.Categories[0].Id}", VoteRequestId = request.Id, ConfirmedAt = now.AddHours(-1),
        });
        await db.SaveChangesAsync();
        return (cycle.Id, cycle.Slug);
    }

    /// <summary>A scored round closed yesterday with two jurors' ballots, counted by the real job, with a citation written.</summary>
    private static async Task<(int CycleId, int ResultId)> CountedCycleAsync(AppDbContext db, AwardVoteApp app, DateTimeOffset now)
    {
        var cycle = await NewCycle("Rezultātu pārskats", CyclePhase.Counting, [-60, -50, -40, -1]).SaveAsync(db);
        var ids = await NominationsAsync(db, cycle, EligibilityDecision.Eligible, now, "Saldus", "Talsu", "Smiltenes");
        var round = cycle.Rounds[0];
        var criteria = cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToArray();
        int[][] scores = [[5, 4], [3, 3], [2, 4]];
        foreach (var name in new[] { "Rezultātu žūrija 1", "Rezultātu žūrija 2" })
        {
            var juror = await new PersonBuilder(name).Juror(cycle.Id, cycle.Categories[0].Id).CreateAsync(app);
            for (var i = 0; i < ids.Length; i++)
                db.ScoreBallots.Add(new ScoreBallotBuilder(round.Id, ids[i], juror.Id).Scores(criteria, scores[i]).UpdatedAt(now.AddDays(-2)).Build());
        }
        await db.SaveChangesAsync();
        await app.CountRoundsAsync();
        var result = await db.RoundResults.AsNoTracking().SingleAsync(r => r.RoundId == round.Id);
        db.Publications.Add(new Publication
        {
            CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id, RoundResultId = result.Id, LaureateNominationId = ids[0],
            Citation = "Par drosmīgiem pakalpojumiem un kopienas stiprināšanu.", CitationEn = "For bold services and a stronger community.",
        });
        await db.SaveChangesAsync();
        return (cycle.Id, result.Id);
    }

    private static async Task OutboxAsync(AppDbContext db, DateTimeOffset now)
    {
        OutboxMessage Message(string purpose, OutboxStatus status, string? error) => new()
        {
            DeduplicationKey = $"a11y:{Guid.NewGuid():N}", Purpose = purpose, ToEmail = $"{purpose}@lasitaji.example", Culture = "lv",
            Subject = "Pārbaude", TextBody = "Pārbaude", Status = status, Attempts = status == OutboxStatus.Failed ? 3 : 1,
            CreatedAt = now.AddHours(-3), NextAttemptAt = now.AddHours(-2), SentAt = status == OutboxStatus.Sent ? now.AddHours(-2) : null,
            LastError = error,
        };
        db.Outbox.AddRange(
            Message("nomination-receipt", OutboxStatus.Sent, null),
            Message("jury-reminder", OutboxStatus.Failed, "550 5.1.1 mailbox unavailable"),
            Message("jury-invitation", OutboxStatus.Pending, null));
        await db.SaveChangesAsync();
    }
}
