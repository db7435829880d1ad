using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Bench;

/// <summary>
/// Scenario 1, the vote burst. <see cref="SetupAsync"/> adds, to a database the running app has migrated, a cycle whose
/// people's-choice vote is open and N vote requests stored as <c>VoteDesk.RequestAsync</c> stores them (the SHA-256
/// of a one-time token, one voter each), and writes the tokens, one a line, for the wrk script: the burst then
/// measures the confirmation alone, not the request or its mail. <see cref="AuditAsync"/> counts what the burst left
/// in the database, to compare with the 2xx answers wrk saw.
/// </summary>
public static class VoteBurstBench
{
    public static async Task<int> SetupAsync(Options options)
    {
        var total = options.GetInt("tokens", 10_000);
        var existing = options.GetInt("existing", 0);
        var output = options.Get("out");
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = Context(options);
        var cycle = new AwardCycle
        {
            Title = "Skatītāju balsojuma slodzes tests",
            TitleEn = "People's choice burst",
            Year = now.Year,
            Slug = $"burst-{tag}",
            Phase = CyclePhase.Judging,
            RoundNumber = 1,
            StatuteLockedAt = now.AddDays(-30),
            NomineesPublicAfterNominationsClose = true,
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria = [new Criterion { Order = 1, Name = "Pakalpojumi", Weight = 1m, ScaleMin = 1, ScaleMax = 5 }],
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            Schedule = PhasePlan.NewSchedule(1),
            PeoplesChoice = new PeoplesChoiceSettings
            {
                Enabled = true,
                Eligibility = VoterEligibility.AnyConfirmedEmail,
                Allowance = VoteAllowance.OnePerCategory,
                OpensAt = now.AddDays(-1),
                ClosesAt = now.AddDays(7),
            },
        };
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var categoryId = cycle.Categories[0].Id;

        var nominations = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var library = new Library
            {
                Name = $"Slodzes bibliotēka {i + 1} {tag}", Region = "Zemgale", RegistrationNumber = $"B{tag}{i}", Status = LibraryStatus.Approved,
            };
            db.Libraries.Add(library);
            await db.SaveChangesAsync();
            var nomination = new Nomination
            {
                CycleId = cycle.Id, CategoryId = categoryId, LibraryId = library.Id, Status = NominationStatus.Submitted,
                Eligibility = EligibilityDecision.Eligible, PublicSummary = "Lasītāji un kopiena",
            };
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            nominations.Add(nomination.Id);
        }

        await AddCastVotesAsync(db, cycle.Id, categoryId, nominations, tag, existing, now);

        // Requests in batches, without change tracking piling up; the tokens go to the file in the same order.
        await using var writer = new StreamWriter(output);
        for (var start = 0; start < total; start += 2000)
        {
            for (var i = start; i < Math.Min(total, start + 2000); i++)
            {
                var (token, hash) = OneTimeToken.Create();
                await writer.WriteLineAsync(token);
                db.VoteRequests.Add(new VoteRequest
                {
                    CycleId = cycle.Id, CategoryId = categoryId, NominationId = nominations[i % nominations.Count],
                    VoterEmail = VoterAddress.Normalize($"burst-{tag}-{i}@lasitaji.example"), VoterKey = VoterAddress.Canonical($"burst-{tag}-{i}@lasitaji.example"), TokenHash = hash,
                    RequestedAt = now, ExpiresAt = now.AddHours(24), RequestIp = "192.0.2.10",
                });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        CountBench.Print("slug", cycle.Slug);
        CountBench.Print("cycle_id", cycle.Id);
        CountBench.Print("tokens", total);
        return 0;
    }

    /// <summary>
    /// Votes already cast in the cycle before the burst (scenario 6: the burst at 10×, 100×, 1000× the data): each a
    /// confirmed request and its vote, as a confirmation leaves them, so the burst's unique keys and indexes are as
    /// large as in a vote that has been running for a while. Not audited: the audit counts only the burst's own.
    /// </summary>
    private static async Task AddCastVotesAsync(AppDbContext db, int cycleId, int categoryId, List<int> nominations, string tag, int count,
        DateTimeOffset now)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var allowanceKey = PeoplesChoiceRules.AllowanceKey(VoteAllowance.OnePerCategory, categoryId);
        for (var start = 0; start < count; start += 5000)
        {
            var requests = new List<VoteRequest>();
            for (var i = start; i < Math.Min(count, start + 5000); i++)
            {
                requests.Add(new VoteRequest
                {
                    CycleId = cycleId, CategoryId = categoryId, NominationId = nominations[i % nominations.Count],
                    VoterEmail = VoterAddress.Normalize($"cast-{tag}-{i}@lasitaji.example"), VoterKey = VoterAddress.Canonical($"cast-{tag}-{i}@lasitaji.example"), TokenHash = OneTimeToken.Create().Hash,
                    RequestedAt = now.AddHours(-2), ExpiresAt = now.AddHours(22), ConfirmedAt = now.AddHours(-1), RequestIp = "192.0.2.11",
                });
            }
            db.VoteRequests.AddRange(requests);
            await db.SaveChangesAsync();
            db.PeoplesChoiceVotes.AddRange(requests.Select(r => new PeoplesChoiceVote
            {
                CycleId = cycleId, CategoryId = categoryId, NominationId = r.NominationId, VoterEmail = r.VoterEmail, VoterKey = r.VoterKey,
                AllowanceKey = allowanceKey, VoteRequestId = r.Id, ConfirmedAt = r.ConfirmedAt!.Value,
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        CountBench.Print("existing_votes", count);
    }

    /// <summary>The votes of the cycle, and every way they could disagree with the requests they spent.</summary>
    public static async Task<int> AuditAsync(Options options)
    {
        var cycleId = options.GetInt("cycle-id", 0);
        await using var db = Context(options);
        var votes = db.PeoplesChoiceVotes.Where(v => v.CycleId == cycleId);
        var requests = db.VoteRequests.Where(r => r.CycleId == cycleId);
        var rows = await votes.CountAsync();
        CountBench.Print("votes", rows);
        CountBench.Print("distinct_requests", await votes.Select(v => v.VoteRequestId).Distinct().CountAsync());
        CountBench.Print("distinct_voters", await votes.Select(v => new { v.VoterEmail, v.AllowanceKey }).Distinct().CountAsync());
        CountBench.Print("confirmed_requests", await requests.CountAsync(r => r.ConfirmedAt != null));
        CountBench.Print("votes_without_confirmed_request",
            await votes.CountAsync(v => !requests.Any(r => r.Id == v.VoteRequestId && r.ConfirmedAt != null)));
        CountBench.Print("votes_of_other_voter",
            await votes.CountAsync(v => !requests.Any(r => r.Id == v.VoteRequestId && r.VoterEmail == v.VoterEmail && r.NominationId == v.NominationId)));
        CountBench.Print("audit_entries", await db.AuditEntries.CountAsync(a => a.CycleId == cycleId && a.Action == "peoples-choice.vote-confirmed"));
        return 0;
    }

    private static AppDbContext Context(Options options)
    {
        var provider = Enum.Parse<DatabaseProvider>(options.Get("provider"), ignoreCase: true);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseAwardVoteDatabase(provider, options.Get("connection"));
        return new AppDbContext(builder.Options);
    }
}
