using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
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
        db.ScoreBallots.Add(Ballot(world.Scored, world.Scored.JurorB, world.Scored.NominationIds[0], [4, 3], "Spēcīgi pakalpojumi."));
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

    private static ScoreBallot Ballot(JudgingScenario world, string juror, int nominationId, int[] scores, string? comment) => new()
    {
        RoundId = world.RoundId, NominationId = nominationId, JurorUserId = juror, Comment = comment, UpdatedAt = DateTimeOffset.UtcNow,
        Scores = scores.Select((s, i) => new ScoreEntry { CriterionId = world.CriterionIds[i], Score = s }).ToList(),
    };

    private static AwardCycle NewCycle(string title, CyclePhase phase, int round, DateTimeOffset now, int[] offsets)
    {
        var cycle = new AwardCycle
        {
            Title = title, TitleEn = title + " (EN)", Slug = $"a11y-{Guid.NewGuid():N}"[..24], Year = now.Year, Phase = phase, RoundNumber = round,
            StatuteLockedAt = now.AddDays(offsets[0]), NomineesPublicAfterNominationsClose = true,
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria =
            [
                new Criterion { Order = 1, Name = "Pakalpojumi", NameEn = "Services", Weight = 0.6m, ScaleMin = 1, ScaleMax = 5 },
                new Criterion { Order = 2, Name = "Projekti", NameEn = "Projects", Weight = 0.4m, ScaleMin = 1, ScaleMax = 5 },
            ],
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            EligibilityRules = [new EligibilityRule { Order = 1, Text = "Latvijas publiskā bibliotēka", TextEn = "A Latvian public library" }],
            Schedule = PhasePlan.NewSchedule(1),
        };
        foreach (var step in cycle.Schedule)
        {
            step.StartsAt = step.Phase switch
            {
                CyclePhase.NominationsOpen => now.AddDays(offsets[0]),
                CyclePhase.EligibilityReview => now.AddDays(offsets[1]),
                CyclePhase.Judging => now.AddDays(offsets[2]),
                CyclePhase.Counting => now.AddDays(offsets[3]),
                _ => null,
            };
        }
        return cycle;
    }

    private static async Task<int[]> NominationsAsync(AppDbContext db, AwardCycle cycle, EligibilityDecision eligibility, DateTimeOffset now, params string[] names)
    {
        var ids = new List<int>();
        foreach (var name in names)
        {
            var library = new Library
            {
                Name = $"{name} bibliotēka", Region = "Zemgale", Municipality = name, RegistrationNumber = $"A{Guid.NewGuid():N}"[..20],
                Status = LibraryStatus.Approved, RegisteredAt = now,
            };
            db.Libraries.Add(library);
            await db.SaveChangesAsync();
            var nomination = new Nomination
            {
                CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id, LibraryId = library.Id, Status = NominationStatus.Submitted,
                Eligibility = eligibility, PublicSummary = $"{name}: lasītāji, kopiena un jauni pakalpojumi.",
                Achievements = $"{name} atvēra bērnu lasītavu un sāka grāmatu busu.", CreatedAt = now, UpdatedAt = now,
                SubmittedAt = now.AddDays(-5), FrozenAt = eligibility == EligibilityDecision.NotReviewed ? now.AddDays(-1) : now.AddDays(-20),
            };
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            ids.Add(nomination.Id);
        }
        return [.. ids];
    }

    private static async Task<int> ReviewCycleAsync(AppDbContext db, DateTimeOffset now)
    {
        var cycle = NewCycle("Atbilstības pārbaude", CyclePhase.EligibilityReview, 0, now, [-30, -1, 10, 20]);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        await NominationsAsync(db, cycle, EligibilityDecision.NotReviewed, now, "Dobeles", "Ērgļu");
        return cycle.Id;
    }

    private static async Task<(int, string)> VoteCycleAsync(AppDbContext db, DateTimeOffset now)
    {
        var cycle = NewCycle("Skatītāju balsojums", CyclePhase.Judging, 1, now, [-40, -30, -10, 10]);
        cycle.PeoplesChoice = new PeoplesChoiceSettings
        {
            Enabled = true, Eligibility = VoterEligibility.AnyConfirmedEmail, Allowance = VoteAllowance.OnePerCategory,
            OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(7),
        };
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var ids = await NominationsAsync(db, cycle, EligibilityDecision.Eligible, now, "Kuldīgas", "Limbažu");
        var request = new VoteRequest
        {
            CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id, NominationId = ids[0], VoterEmail = "LASITAJA@LASITAJI.EXAMPLE",
            TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()), RequestedAt = now.AddHours(-2), ExpiresAt = now.AddHours(20),
            ConfirmedAt = now.AddHours(-1), RequestIp = "127.0.0.1",
        };
        db.VoteRequests.Add(request);
        await db.SaveChangesAsync();
        db.PeoplesChoiceVotes.Add(new PeoplesChoiceVote
        {
            CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id, NominationId = ids[0], VoterEmail = request.VoterEmail,
            AllowanceKey = $"category:{cycle.Categories[0].Id}", VoteRequestId = request.Id, ConfirmedAt = now.AddHours(-1),
        });
        await db.SaveChangesAsync();
        return (cycle.Id, cycle.Slug);
    }

    /// <summary>A scored round closed yesterday with two jurors' ballots, counted by the real job, with a citation written.</summary>
    private static async Task<(int CycleId, int ResultId)> CountedCycleAsync(AppDbContext db, AwardVoteApp app, DateTimeOffset now)
    {
        var cycle = NewCycle("Rezultātu pārskats", CyclePhase.Counting, 1, now, [-60, -50, -40, -1]);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var ids = await NominationsAsync(db, cycle, EligibilityDecision.Eligible, now, "Saldus", "Talsu", "Smiltenes");
        var (j1, _) = await JudgingScenario.UserAsync(app, "Rezultātu žūrija 1");
        var (j2, _) = await JudgingScenario.UserAsync(app, "Rezultātu žūrija 2");
        var round = cycle.Rounds[0];
        var criteria = cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToArray();
        int[][] scores = [[5, 4], [3, 3], [2, 4]];
        foreach (var juror in new[] { j1, j2 })
        {
            db.RoleGrants.Add(RoleGrant.Juror(juror, cycle.Id, cycle.Categories[0].Id, now, null));
            for (var i = 0; i < ids.Length; i++)
            {
                db.ScoreBallots.Add(new ScoreBallot
                {
                    RoundId = round.Id, NominationId = ids[i], JurorUserId = juror, UpdatedAt = now.AddDays(-2),
                    Scores = scores[i].Select((s, c) => new ScoreEntry { CriterionId = criteria[c], Score = s }).ToList(),
                });
            }
        }
        await db.SaveChangesAsync();
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
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
