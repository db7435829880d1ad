using System.Buffers.Binary;
using System.Text;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Access;

/// <summary>The columns of the access matrix, in the file's order.</summary>
public enum Role { Anonymous, RepA, RepB, Juror, Conflicted, Chair, Admin }

/// <summary>The phases the matrix is run in: one cycle of the world stands in each.</summary>
public enum Phase { Draft, Nominations, Review, Judging, Results, Published }

public sealed record Person(string Id, string Email);

/// <summary>One cycle of the world, standing in one phase, with the ids the requests use.</summary>
public sealed class PhaseCycle
{
    public required Phase Phase { get; init; }
    public int CycleId { get; set; }
    public string Slug { get; set; } = "";
    public int CategoryId { get; set; }
    public int RoundId { get; set; }
    public int[] CriterionIds { get; set; } = [];
    /// <summary>Library A's nomination: "the nomination concerned" of every nomination request.</summary>
    public int NominationA { get; set; }
    public int NominationB { get; set; }
    public int NominationC { get; set; }
    public int PhotoId { get; set; }
    public int PdfId { get; set; }
    /// <summary>A file of library B's nomination (for ids tampered across libraries).</summary>
    public int PdfOfB { get; set; }
    /// <summary>A letter of support asked for on A and not written yet (the link's token).</summary>
    public string EndorsementToken { get; set; } = "";
}

/// <summary>
/// The people and cycles of the access matrix, made once per provider: libraries A to E, a representative of A and
/// of B, a juror, a juror with a confirmed conflict on A, the chair, two "secret" jurors whose ballots on A carry
/// numbers and words nobody else may see before the round closes, and one cycle per <see cref="Phase"/>. Every
/// juror sits on every cycle's panel, so one sign-in per role serves every phase.
/// </summary>
public sealed class AccessWorld
{
    public const string Password = "Piekļuves-Matrica-2026";

    /// <summary>
    /// Weights chosen so that the weighted means of the secret ballots (3.21 and 3.47, mean 3.34) are numbers no
    /// page shows by accident; the scale stays 1–5 so that the ballot form stays small.
    /// </summary>
    public static readonly decimal[] Weights = [0.37m, 0.29m, 0.34m];
    public static readonly int[] SecretScores = [2, 5, 3];
    public static readonly int[] SecretScores2 = [4, 1, 5];

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private AccessWorld(AwardVoteApp app) => App = app;

    public AwardVoteApp App { get; }
    public Dictionary<Role, Person> People { get; } = [];
    public Person SecretJuror { get; private set; } = null!;
    public Person SecretJuror2 { get; private set; } = null!;
    /// <summary>An account of nobody's role, for the token API's sign-in.</summary>
    public Person Spare { get; private set; } = null!;
    public int LibraryA { get; private set; }
    public int LibraryB { get; private set; }
    public int LibraryC { get; private set; }
    /// <summary>Approved, without nominations: the nominee of "nominate another library".</summary>
    public int LibraryD { get; private set; }
    /// <summary>The library of the invitations the matrix accepts.</summary>
    public int LibraryE { get; private set; }
    public Dictionary<Phase, PhaseCycle> Cycles { get; } = [];
    /// <summary>The result of the results-review cycle (for the ballot file and protocol downloads).</summary>
    public int ResultId { get; private set; }

    /// <summary>Only in A's achievements: a page that shows it shows A's whole nomination.</summary>
    public string PrivateOfA => $"PRIVATEACHIEVEMENTS{_suffix}";
    public string SecretComment => $"SECRETCOMMENT{_suffix}";
    public string SecretNotes => $"SECRETNOTES{_suffix}";

    public string? UserIdOf(Role role) => role == Role.Anonymous ? null : People[role].Id;

    public static async Task<AccessWorld> CreateAsync(AwardVoteApp app)
    {
        var world = new AccessWorld(app);
        await world.CreatePeopleAsync();
        foreach (var phase in Enum.GetValues<Phase>())
            world.Cycles[phase] = await world.CreateCycleAsync(phase);
        await world.CountAndPublishAsync();
        return world;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = App.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task ExecuteAsync(Func<AppDbContext, Task> action) => QueryAsync(async db =>
    {
        await action(db);
        return 0;
    });

    private async Task CreatePeopleAsync()
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        LibraryA = await LibraryAsync(db, "Alūksnes", "Alūksne");
        LibraryB = await LibraryAsync(db, "Balvu", "Balvi");
        LibraryC = await LibraryAsync(db, "Cēsu", "Cēsis");
        LibraryD = await LibraryAsync(db, "Dobeles", "Dobele");
        LibraryE = await LibraryAsync(db, "Ērgļu", "Ērgļi");

        var now = DateTimeOffset.UtcNow;
        People[Role.RepA] = await UserAsync(users, "Pārstāve A");
        People[Role.RepB] = await UserAsync(users, "Pārstāvis B");
        People[Role.Juror] = await UserAsync(users, "Žūrijas loceklis");
        People[Role.Conflicted] = await UserAsync(users, "Ieinteresētais žūrijas loceklis");
        People[Role.Chair] = await UserAsync(users, "Žūrijas priekšsēdētāja");
        SecretJuror = await UserAsync(users, "Slepenā žūrija", homeLibraryId: LibraryC);
        SecretJuror2 = await UserAsync(users, "Slepenā žūrija 2");
        Spare = await UserAsync(users, "Rezerves konts");
        var admin = await users.FindByEmailAsync(DemoSeeder.AdministratorEmail)
                    ?? throw new InvalidOperationException("The demo administrator is missing.");
        People[Role.Admin] = new Person(admin.Id, admin.Email!);

        db.RoleGrants.Add(RoleGrant.Representative(People[Role.RepA].Id, LibraryA, now, null));
        db.RoleGrants.Add(RoleGrant.Representative(People[Role.RepB].Id, LibraryB, now, null));
        await db.SaveChangesAsync();
    }

    private async Task<int> LibraryAsync(AppDbContext db, string name, string municipality)
    {
        var library = new Library
        {
            Name = $"{name} bibliotēka {_suffix}", Region = "Vidzeme", Municipality = $"{municipality}{_suffix}",
            // Written as the app writes them: in capitals.
            RegistrationNumber = $"AM-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), Status = LibraryStatus.Approved, RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library.Id;
    }

    private static async Task<Person> UserAsync(UserManager<AppUser> users, string name, int? homeLibraryId = null)
    {
        var email = $"access-{Guid.NewGuid():N}@matrica.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredCulture = "lv", HomeLibraryId = homeLibraryId };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        return new Person(user.Id, email);
    }

    /// <summary>A cycle standing in <paramref name="phase"/>; results and publication are made by the real count afterwards.</summary>
    private async Task<PhaseCycle> CreateCycleAsync(Phase phase)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        var now = DateTimeOffset.UtcNow;
        var cycle = NewCycle($"Piekļuves matrica {phase}", $"access-{phase.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}", phase, now);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var result = new PhaseCycle
        {
            Phase = phase, CycleId = cycle.Id, Slug = cycle.Slug, CategoryId = cycle.Categories[0].Id, RoundId = cycle.Rounds[0].Id,
            CriterionIds = cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToArray(),
        };

        var judged = phase >= Phase.Judging;
        var frozen = phase >= Phase.Review ? now.AddDays(-1) : (DateTimeOffset?)null;
        var nominationA = new Nomination
        {
            CycleId = cycle.Id, CategoryId = result.CategoryId, LibraryId = LibraryA,
            Status = phase <= Phase.Nominations ? NominationStatus.Draft : NominationStatus.Submitted,
            Eligibility = judged ? EligibilityDecision.Eligible : EligibilityDecision.NotReviewed,
            PublicSummary = "Alūksnes bibliotēka: kopiena un lasīšana", Achievements = $"Sasniegumi. {PrivateOfA}",
            CreatedAt = now, UpdatedAt = now, SubmittedAt = phase <= Phase.Nominations ? null : now.AddDays(-2), FrozenAt = frozen,
        };
        db.Nominations.Add(nominationA);
        var others = new[] { LibraryB, LibraryC }.Select(library => new Nomination
        {
            CycleId = cycle.Id, CategoryId = result.CategoryId, LibraryId = library,
            Status = phase == Phase.Draft ? NominationStatus.Draft : NominationStatus.Submitted,
            Eligibility = judged ? EligibilityDecision.Eligible : EligibilityDecision.NotReviewed,
            PublicSummary = "Kopsavilkums", Achievements = "Sasniegumi", CreatedAt = now, UpdatedAt = now,
            SubmittedAt = phase == Phase.Draft ? null : now.AddDays(-2), FrozenAt = frozen,
        }).ToList();
        db.Nominations.AddRange(others);
        await db.SaveChangesAsync();
        result.NominationA = nominationA.Id;
        result.NominationB = others[0].Id;
        result.NominationC = others[1].Id;

        result.PhotoId = (await AttachmentAsync(db, store, result.NominationA, AttachmentKind.Photo)).Id;
        result.PdfId = (await AttachmentAsync(db, store, result.NominationA, AttachmentKind.Pdf)).Id;
        result.PdfOfB = (await AttachmentAsync(db, store, result.NominationB, AttachmentKind.Pdf)).Id;
        result.EndorsementToken = await EndorsementAsync(db, result.NominationA);

        var chair = People[Role.Chair].Id;
        foreach (var juror in new[] { People[Role.Juror].Id, People[Role.Conflicted].Id, chair, SecretJuror.Id, SecretJuror2.Id })
            db.RoleGrants.Add(RoleGrant.Juror(juror, cycle.Id, result.CategoryId, now, null));
        db.RoleGrants.Add(RoleGrant.Chair(chair, cycle.Id, result.CategoryId, now, null));
        db.Conflicts.Add(new ConflictOfInterest
        {
            CycleId = cycle.Id, NominationId = result.NominationA, JurorUserId = People[Role.Conflicted].Id,
            Source = ConflictSource.SameMunicipality, Reason = "Alūksne", Status = ConflictStatus.Confirmed,
            RaisedAt = now, DecidedAt = now, DecidedByUserId = chair,
        });
        if (judged)
        {
            db.ScoreBallots.Add(SecretBallot(result, SecretJuror.Id, SecretScores, $"{SecretComment} {SecretNotes}".Split(' ')));
            db.ScoreBallots.Add(SecretBallot(result, SecretJuror2.Id, SecretScores2, [null, null]));
        }
        await db.SaveChangesAsync();
        return result;
    }

    private static ScoreBallot SecretBallot(PhaseCycle cycle, string jurorId, int[] scores, string?[] texts) => new()
    {
        RoundId = cycle.RoundId, NominationId = cycle.NominationA, JurorUserId = jurorId, Comment = texts[0], PrivateNotes = texts[1],
        UpdatedAt = DateTimeOffset.UtcNow,
        Scores = scores.Select((s, i) => new ScoreEntry { CriterionId = cycle.CriterionIds[i], Score = s }).ToList(),
    };

    /// <summary>
    /// The statute of every cycle of the world (and of the sandboxes the administrator's writes go to): one category,
    /// three labelled criteria, one scored round; the schedule puts the clock inside <paramref name="phase"/>.
    /// </summary>
    public static AwardCycle NewCycle(string title, string slug, Phase phase, DateTimeOffset now)
    {
        var cycle = new AwardCycle
        {
            Title = title, TitleEn = "Access matrix", Slug = slug, Year = now.Year, NomineesPublicAfterNominationsClose = true,
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria = Weights.Select((weight, i) => new Criterion
            {
                Order = i + 1, Name = $"Kritērijs {i + 1}", Weight = weight, ScaleMin = 1, ScaleMax = 5,
                Levels = Enumerable.Range(1, 5).Select(v => new ScaleLevel { Value = v, Label = $"{v} punkti" }).ToList(),
            }).ToList(),
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            EligibilityRules = [new EligibilityRule { Order = 1, Text = "Publiskā bibliotēka" }],
            Schedule = PhasePlan.NewSchedule(1),
        };
        // Days from now at which each step starts; the cycle stands in the last step already started.
        var offsets = phase switch
        {
            Phase.Draft => (Open: 10, Review: 40, Judging: 50, Counting: 60),
            Phase.Nominations => (Open: -10, Review: 20, Judging: 30, Counting: 40),
            Phase.Review => (Open: -30, Review: -1, Judging: 10, Counting: 20),
            Phase.Judging => (Open: -40, Review: -30, Judging: -10, Counting: 10),
            _ => (Open: -60, Review: -50, Judging: -40, Counting: -1),
        };
        foreach (var step in cycle.Schedule)
        {
            step.StartsAt = step.Phase switch
            {
                CyclePhase.NominationsOpen => now.AddDays(offsets.Open),
                CyclePhase.EligibilityReview => now.AddDays(offsets.Review),
                CyclePhase.Judging => now.AddDays(offsets.Judging),
                CyclePhase.Counting => now.AddDays(offsets.Counting),
                _ => null,
            };
        }
        (cycle.Phase, cycle.RoundNumber) = phase switch
        {
            Phase.Draft => (CyclePhase.Draft, 0),
            Phase.Nominations => (CyclePhase.NominationsOpen, 0),
            Phase.Review => (CyclePhase.EligibilityReview, 0),
            Phase.Judging => (CyclePhase.Judging, 1),
            // Counted by the real job, which then moves the cycle to results review.
            _ => (CyclePhase.Counting, 1),
        };
        if (phase != Phase.Draft)
            cycle.StatuteLockedAt = now.AddDays(offsets.Open);
        return cycle;
    }

    /// <summary>Counts the closed rounds with the real job, then publishes the "published" cycle with A as laureate.</summary>
    private async Task CountAndPublishAsync()
    {
        await using (var scope = App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        await using var again = App.Scope();
        var db = again.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var phase in new[] { Phase.Results, Phase.Published })
        {
            var cycle = Cycles[phase];
            var counted = await db.Cycles.SingleAsync(c => c.Id == cycle.CycleId);
            Assert.Equal(CyclePhase.ResultsReview, counted.Phase);
            var result = await db.RoundResults.SingleAsync(r => r.RoundId == cycle.RoundId);
            if (phase == Phase.Results)
            {
                ResultId = result.Id;
                continue;
            }
            counted.Phase = CyclePhase.Published;
            counted.Version = Guid.NewGuid();
            var now = DateTimeOffset.UtcNow;
            db.Publications.Add(new Publication
            {
                CycleId = cycle.CycleId, CategoryId = cycle.CategoryId, RoundResultId = result.Id, LaureateNominationId = cycle.NominationA,
                Citation = "Par kopienas stiprināšanu", CitationByUserId = People[Role.Chair].Id, ApprovedAt = now,
                ApprovedByUserId = People[Role.Admin].Id, PublishedAt = now, PublishedByUserId = People[Role.Admin].Id,
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task<Attachment> AttachmentAsync(AppDbContext db, AttachmentStore store, int nominationId, AttachmentKind kind)
    {
        var content = kind == AttachmentKind.Photo ? Png(4, 3) : Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        string key;
        using (var stream = new MemoryStream(content))
            key = await store.SaveAsync(stream, CancellationToken.None);
        var attachment = new Attachment
        {
            NominationId = nominationId, Kind = kind,
            OriginalFileName = kind == AttachmentKind.Photo ? "lasitava.png" : "gada-parskats.pdf",
            SafeFileName = kind == AttachmentKind.Photo ? "lasitava.png" : "gada-parskats.pdf",
            ContentType = kind == AttachmentKind.Photo ? "image/png" : "application/pdf",
            SizeBytes = content.Length, StorageKey = key, Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)),
            ConsentGiven = true, PublicAfterPublication = kind == AttachmentKind.Photo, UploadedAt = DateTimeOffset.UtcNow,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment;
    }

    /// <summary>A letter of support asked for on the nomination; returns the link's token.</summary>
    public static async Task<string> EndorsementAsync(AppDbContext db, int nominationId)
    {
        var (token, hash) = OneTimeToken.Create();
        db.Endorsements.Add(new Endorsement
        {
            NominationId = nominationId, EndorserName = "Novada dome", EndorserEmail = $"dome-{Guid.NewGuid():N}@novads.example",
            TokenHash = hash, TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(30), RequestedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>An invitation to represent library E; returns the link's token.</summary>
    public async Task<string> LibraryInvitationAsync()
    {
        var (token, hash) = OneTimeToken.Create();
        await ExecuteAsync(async db =>
        {
            db.Invitations.Add(new Invitation
            {
                Email = $"invite-{Guid.NewGuid():N}@matrica.example", Role = ScopedRole.LibraryRepresentative, LibraryId = LibraryE,
                TokenHash = hash, InvitedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(14),
            });
            await db.SaveChangesAsync();
        });
        return token;
    }

    /// <summary>A PNG signature and header (enough for the content check) with the given dimensions.</summary>
    public static byte[] Png(int width, int height)
    {
        var bytes = new byte[64];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }
}
