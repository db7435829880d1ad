using System.Buffers.Binary;
using System.Text;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Access;

/// <summary>The columns of the access matrix, in the file's order.</summary>
public enum Role { Anonymous, RepA, RepB, Juror, Conflicted, Chair, Admin }

/// <summary>The phases the matrix is run in: one cycle of the world stands in each.</summary>
public enum Phase { Draft, Nominations, Review, Judging, Results, Published }

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
public sealed class AccessWorld : TestWorld
{
    public const string Password = PersonBuilder.Password;

    /// <summary>
    /// Weights chosen so that the weighted means of the secret ballots (3.21 and 3.47, mean 3.34) are numbers no
    /// page shows by accident; the scale stays 1–5 so that the ballot form stays small.
    /// </summary>
    public static readonly decimal[] Weights = [0.37m, 0.29m, 0.34m];
    public static readonly int[] SecretScores = [2, 5, 3];
    public static readonly int[] SecretScores2 = [4, 1, 5];

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private AccessWorld(AwardVoteApp app) : base(app) { }

    public Dictionary<Role, TestPerson> People { get; } = [];
    public TestPerson SecretJuror { get; private set; } = null!;
    public TestPerson SecretJuror2 { get; private set; } = null!;
    /// <summary>An account of nobody's role, for the token API's sign-in.</summary>
    public TestPerson Spare { get; private set; } = null!;
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

    private async Task CreatePeopleAsync()
    {
        LibraryA = await LibraryAsync("Alūksnes", "Alūksne");
        LibraryB = await LibraryAsync("Balvu", "Balvi");
        LibraryC = await LibraryAsync("Cēsu", "Cēsis");
        LibraryD = await LibraryAsync("Dobeles", "Dobele");
        LibraryE = await LibraryAsync("Ērgļu", "Ērgļi");

        People[Role.RepA] = await new PersonBuilder("Pārstāve A").Representative(LibraryA).CreateAsync(App);
        People[Role.RepB] = await new PersonBuilder("Pārstāvis B").Representative(LibraryB).CreateAsync(App);
        People[Role.Juror] = await new PersonBuilder("Žūrijas loceklis").CreateAsync(App);
        People[Role.Conflicted] = await new PersonBuilder("Ieinteresētais žūrijas loceklis").CreateAsync(App);
        People[Role.Chair] = await new PersonBuilder("Žūrijas priekšsēdētāja").CreateAsync(App);
        SecretJuror = await new PersonBuilder("Slepenā žūrija").WorksAt(LibraryC).CreateAsync(App);
        SecretJuror2 = await new PersonBuilder("Slepenā žūrija 2").CreateAsync(App);
        Spare = await new PersonBuilder("Rezerves konts").CreateAsync(App);
        var admin = await QueryAsync(db => db.Users.SingleAsync(u => u.Email == DemoSeeder.AdministratorEmail));
        People[Role.Admin] = new TestPerson(admin.Id, admin.Email!, admin.DisplayName);
    }

    private async Task<int> LibraryAsync(string name, string municipality) =>
        (await new LibraryBuilder($"{name} bibliotēka {_suffix}").In("Vidzeme", $"{municipality}{_suffix}").CreateAsync(App)).Id;

    /// <summary>A cycle standing in <paramref name="phase"/>; results and publication are made by the real count afterwards.</summary>
    private async Task<PhaseCycle> CreateCycleAsync(Phase phase)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        var now = DateTimeOffset.UtcNow;
        var cycle = await NewCycle($"Piekļuves matrica {phase}", $"access-{phase.ToString().ToLowerInvariant()}", phase).SaveAsync(db);
        var result = new PhaseCycle
        {
            Phase = phase, CycleId = cycle.Id, Slug = cycle.Slug, CategoryId = cycle.Categories[0].Id, RoundId = cycle.Rounds[0].Id,
            CriterionIds = cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToArray(),
        };

        // A is still a draft while nominations are open; B and C were submitted as soon as they opened.
        result.NominationA = await NominationAsync(LibraryA, submitted: phase > Phase.Nominations, "Alūksnes bibliotēka: kopiena un lasīšana", $"Sasniegumi. {PrivateOfA}");
        result.NominationB = await NominationAsync(LibraryB, submitted: phase != Phase.Draft, "Kopsavilkums", "Sasniegumi");
        result.NominationC = await NominationAsync(LibraryC, submitted: phase != Phase.Draft, "Kopsavilkums", "Sasniegumi");

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
        if (phase >= Phase.Judging)
        {
            db.ScoreBallots.Add(new ScoreBallotBuilder(result.RoundId, result.NominationA, SecretJuror.Id)
                .Scores(result.CriterionIds, SecretScores).Comment(SecretComment, SecretNotes).Build());
            db.ScoreBallots.Add(new ScoreBallotBuilder(result.RoundId, result.NominationA, SecretJuror2.Id)
                .Scores(result.CriterionIds, SecretScores2).Build());
        }
        await db.SaveChangesAsync();
        return result;

        async Task<int> NominationAsync(int library, bool submitted, string summary, string achievements)
        {
            var nomination = new NominationBuilder(cycle).Of(library).Summary(summary).Achievements(achievements);
            if (submitted)
                nomination.Submitted(now.AddDays(-2));
            if (phase >= Phase.Judging)
                nomination.Eligible();
            if (phase >= Phase.Review)
                nomination.Frozen(now.AddDays(-1));
            return (await nomination.SaveAsync(db)).Id;
        }
    }

    /// <summary>
    /// The statute of every cycle of the world (and of the sandboxes the administrator's writes go to): one category,
    /// three labelled criteria, one scored round; the schedule puts the clock inside <paramref name="phase"/>.
    /// </summary>
    public static CycleBuilder NewCycle(string title, string slug, Phase phase)
    {
        var cycle = new CycleBuilder().Titled(title, "Access matrix").Slug(slug).NomineesPublic().WithEligibilityRule("Publiskā bibliotēka");
        for (var i = 0; i < Weights.Length; i++)
            cycle.WithCriterion($"Kritērijs {i + 1}", Weights[i], levels: [.. Enumerable.Range(1, 5).Select(v => $"{v} punkti")]);
        // Days from now at which each step starts; the cycle stands in the last step already started (counted by
        // the real job, which then moves the cycle to results review).
        return phase switch
        {
            Phase.Draft => cycle.InPhase(CyclePhase.Draft).Timeline(open: 10, review: 40, judging: 50, counting: 60),
            Phase.Nominations => cycle.InPhase(CyclePhase.NominationsOpen).Timeline(open: -10, review: 20, judging: 30, counting: 40),
            Phase.Review => cycle.InPhase(CyclePhase.EligibilityReview).Timeline(open: -30, review: -1, judging: 10, counting: 20),
            Phase.Judging => cycle.InPhase(CyclePhase.Judging).Timeline(open: -40, review: -30, judging: -10, counting: 10),
            _ => cycle.InPhase(CyclePhase.Counting).Timeline(open: -60, review: -50, judging: -40, counting: -1),
        };
    }

    /// <summary>Counts the closed rounds with the real job, then publishes the "published" cycle with A as laureate.</summary>
    private async Task CountAndPublishAsync()
    {
        await App.CountRoundsAsync();
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
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
            // Its final is a score round: open its count to the public, so the matrix sees who may download it.
            counted.PublicCountFiles = PublicCountFiles.AllRounds;
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
