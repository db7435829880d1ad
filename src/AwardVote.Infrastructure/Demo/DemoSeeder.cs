using AwardVote.Domain.Accounts;
using AwardVote.Domain.Association;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AwardVote.Infrastructure.Demo;

/// <summary>
/// Demo data: the Latvian Library Association, a dozen Latvian libraries, an open "Gada bibliotēka" cycle with the
/// criteria of the association's own announcement, the 2019 laureate in the archive, and one account per role.
/// Only for demonstrations: the accounts share a password printed in the README, so they are made in Development only.
/// Anywhere else demo data needs <c>Demo:AllowOutsideDevelopment</c>, and even then comes without any account: an
/// administrator whose password anyone can read is an installation anyone can take over.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock,
    IHostEnvironment environment, IConfiguration configuration)
{
    public const string AllowOutsideDevelopmentSetting = "Demo:AllowOutsideDevelopment";

    public const string Password = "Demo-Parole-2026";
    public const string AdministratorEmail = "admin@lbb.example";
    public const string RepresentativeEmail = "lcb@lbb.example";
    public const string JurorEmail = "zurija@lbb.example";
    public const string ChairEmail = "priekssedetaja@lbb.example";

    public async Task<DemoSeeding> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var withAccounts = environment.IsDevelopment();
        if (!withAccounts && !configuration.GetValue<bool>(AllowOutsideDevelopmentSetting))
            return DemoSeeding.RefusedOutsideDevelopment;
        if (await db.Association.AnyAsync(cancellationToken))
            return DemoSeeding.NotEmpty;
        await SeedAsync(withAccounts, cancellationToken);
        return withAccounts ? DemoSeeding.Seeded : DemoSeeding.SeededWithoutAccounts;
    }

    private async Task SeedAsync(bool withAccounts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        db.Association.Add(new AssociationSettings
        {
            Name = "Latvijas Bibliotekāru biedrība",
            NameEn = "Latvian Library Association",
            ShortName = "LBB",
            Website = "https://www.lbb.lv",
            ContactEmail = "info@lbb.example",
        });

        var libraries = Libraries(now);
        db.Libraries.AddRange(libraries);
        await db.SaveChangesAsync(cancellationToken);
        var lcb = libraries[0];
        var rezekne = libraries.Single(l => l.Municipality == "Rēzekne");

        var archive = ArchivedCycle2019(now);
        var open = OpenCycle(now);
        db.Cycles.AddRange(archive, open);
        await db.SaveChangesAsync(cancellationToken);

        var laureate2019 = new Nomination
        {
            CycleId = archive.Id,
            CategoryId = archive.Categories[0].Id,
            LibraryId = lcb.Id,
            Status = NominationStatus.Submitted,
            Eligibility = EligibilityDecision.Eligible,
            PublicSummary = Seed.Summary2019,
            Achievements = Seed.Achievements,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
            FrozenAt = now,
        };
        db.Nominations.Add(laureate2019);
        await db.SaveChangesAsync(cancellationToken);
        db.Publications.Add(new Publication
        {
            CycleId = archive.Id,
            CategoryId = archive.Categories[0].Id,
            LaureateNominationId = laureate2019.Id,
            Citation = Seed.Citation2019,
            CitationEn = Seed.Citation2019En,
            ApprovedAt = now,
            PublishedAt = new DateTimeOffset(2020, 2, 27, 10, 0, 0, TimeSpan.Zero),
        });

        var draft = new Nomination
        {
            CycleId = open.Id,
            CategoryId = open.Categories[0].Id,
            LibraryId = lcb.Id,
            Status = NominationStatus.Draft,
            PublicSummary = Seed.Summary2026,
            Achievements = Seed.Achievements,
            Projects = Seed.Projects,
            CreatedAt = now,
            UpdatedAt = now,
            Partners =
            [
                new NominationPartner { Order = 1, Name = "Daugavpils pilsētas pašvaldība", Role = "Finansē bibliotēkas darbību" },
                new NominationPartner { Order = 2, Name = "Latvijas-Lietuvas pārrobežu sadarbības programma", Role = "Projekts “Network-Digihubs”" },
                new NominationPartner { Order = 3, Name = "Daugavpils pilsētas domes Kultūras pārvalde" },
                new NominationPartner { Order = 4, Name = "Daugavpils pilsētas pašvaldības Tūrisma attīstības un informācijas aģentūra" },
            ],
            Links = [new NominationLink { Order = 1, Url = "https://www.lcb.lv", Title = "Latgales Centrālā bibliotēka" }],
            Statistics =
            [
                new NominationStatistic { Kind = StatisticKind.Events, Value = 1, Unit = "jauns centrs", Label = "Ģimenes digitālo aktivitāšu centrs", Year = 2019 },
            ],
            Endorsements =
            [
                Endorsement("Eleonora Kleščinska", "Daugavpils pilsētas domes Kultūras pārvaldes vadītāja", Seed.QuoteKlescinska, now),
                Endorsement("Ilona Maksimčika", "Daugavpils pilsētas pašvaldības Tūrisma attīstības un informācijas aģentūras direktore", Seed.QuoteMaksimcika, now),
            ],
        };
        db.Nominations.Add(draft);
        await db.SaveChangesAsync(cancellationToken);

        if (withAccounts)
        {
            var admin = await CreateUserAsync(AdministratorEmail, "Administratore Anna", "lv", null);
            var representative = await CreateUserAsync(RepresentativeEmail, "Inga Gedžūne", "lv", lcb.Id);
            var juror = await CreateUserAsync(JurorEmail, "Jānis Žūrijs", "lv", rezekne.Id);
            var chair = await CreateUserAsync(ChairEmail, "Chair Charlotte", "en", null);
            var categoryId = open.Categories[0].Id;
            db.RoleGrants.AddRange(
                RoleGrant.Administrator(admin.Id, now, null),
                RoleGrant.Representative(representative.Id, lcb.Id, now, admin.Id),
                RoleGrant.Juror(juror.Id, open.Id, categoryId, now, admin.Id),
                RoleGrant.Juror(chair.Id, open.Id, categoryId, now, admin.Id),
                RoleGrant.Chair(chair.Id, open.Id, categoryId, now, admin.Id));
        }

        audit.Record("demo.seeded", "Association", "LBB", after: new { Libraries = libraries.Count, Cycles = 2, Accounts = withAccounts });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<AppUser> CreateUserAsync(string email, string name, string culture, int? libraryId)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PreferredCulture = culture,
            HomeLibraryId = libraryId,
            CreatedAt = clock.GetUtcNow(),
        };
        // The demo's password is published in the README, so weak on purpose: it is set past the strength check, which
        // is for passwords people choose (registration, reset, create-admin).
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user;
    }

    private static Endorsement Endorsement(string name, string title, string letter, DateTimeOffset now) => new()
    {
        EndorserName = name,
        EndorserEmail = $"{name.Split(' ')[1].ToLowerInvariant()}@daugavpils.example",
        EndorserTitle = title,
        Organisation = "Daugavpils pilsētas pašvaldība",
        // The demo letters arrived already; their one-time tokens are spent and unknown.
        TokenHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
        TokenExpiresAt = now,
        RequestedAt = now,
        ReceivedAt = now,
        Letter = letter,
        Status = EndorsementStatus.Received,
    };

    private static List<Library> Libraries(DateTimeOffset now)
    {
        // Real Latvian libraries; the registration numbers are invented for the demo.
        (string Name, string Region, string Municipality, LibraryType Type)[] rows =
        [
            ("Latgales Centrālā bibliotēka", "Latgale", "Daugavpils", LibraryType.RegionalMain),
            ("Rīgas Centrālā bibliotēka", "Rīga", "Rīga", LibraryType.Public),
            ("Liepājas Centrālā zinātniskā bibliotēka", "Kurzeme", "Liepāja", LibraryType.RegionalMain),
            ("Ventspils bibliotēka", "Kurzeme", "Ventspils", LibraryType.RegionalMain),
            ("Jelgavas pilsētas bibliotēka", "Zemgale", "Jelgava", LibraryType.RegionalMain),
            ("Valmieras bibliotēka", "Vidzeme", "Valmiera", LibraryType.RegionalMain),
            ("Rēzeknes Centrālā bibliotēka", "Latgale", "Rēzekne", LibraryType.RegionalMain),
            ("Cēsu Centrālā bibliotēka", "Vidzeme", "Cēsis", LibraryType.RegionalMain),
            ("Jūrmalas Centrālā bibliotēka", "Rīga", "Jūrmala", LibraryType.Public),
            ("Ogres Centrālā bibliotēka", "Vidzeme", "Ogre", LibraryType.RegionalMain),
            ("Tukuma bibliotēka", "Kurzeme", "Tukums", LibraryType.RegionalMain),
            ("Madonas novada bibliotēka", "Vidzeme", "Madona", LibraryType.RegionalMain),
            ("Latvijas Nacionālā bibliotēka", "Rīga", "Rīga", LibraryType.National),
        ];
        return rows.Select((row, index) => new Library
        {
            Name = row.Name,
            Region = row.Region,
            Municipality = row.Municipality,
            Type = row.Type,
            RegistrationNumber = $"DEMO-{index + 1:0000}",
            Status = LibraryStatus.Approved,
            RegisteredAt = now,
            DecidedAt = now,
        }).ToList();
    }

    private static List<Criterion> SeedCriteria() =>
    [
        Criterion(1, "Kvalitatīvi un inovatīvi pakalpojumi", "Quality and innovative services", 0.3m),
        Criterion(2, "Oriģināli projekti", "Original projects", 0.3m),
        Criterion(3, "Sadarbība ar plašu partneru loku", "Collaboration with a wide range of partners", 0.2m),
        Criterion(4, "Iedvesmo citas Latvijas bibliotēkas un bibliotekāro sabiedrību", "Inspiring other libraries and the library community", 0.2m),
    ];

    private static Criterion Criterion(int order, string name, string nameEn, decimal weight) => new()
    {
        Order = order,
        Name = name,
        NameEn = nameEn,
        Weight = weight,
        ScaleMin = 1,
        ScaleMax = 5,
        Levels =
        [
            new ScaleLevel { Value = 1, Label = "1 — vāji", LabelEn = "1 — weak" },
            new ScaleLevel { Value = 2, Label = "2 — pieticīgi", LabelEn = "2 — modest" },
            new ScaleLevel { Value = 3, Label = "3 — labi", LabelEn = "3 — good" },
            new ScaleLevel { Value = 4, Label = "4 — spēcīgi, ar dokumentētu ietekmi", LabelEn = "4 — strong, documented impact" },
            new ScaleLevel { Value = 5, Label = "5 — izcili, paraugs citiem", LabelEn = "5 — outstanding, a model for others" },
        ],
    };

    private static AwardCycle OpenCycle(DateTimeOffset now)
    {
        var year = now.Year;
        var cycle = new AwardCycle
        {
            Title = $"Gada bibliotēka {year}",
            TitleEn = $"Library of the Year {year}",
            Year = year,
            Slug = $"gada-biblioteka-{year}",
            Phase = CyclePhase.NominationsOpen,
            CreatedAt = now,
            StatuteLockedAt = now.AddDays(-10),
            Description = Seed.AwardDescription,
            DescriptionEn = Seed.AwardDescriptionEn,
            NomineesPublicAfterNominationsClose = true,
            LaureateCooldownYears = 3,
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria = SeedCriteria(),
            Rounds =
            [
                new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean, ShortlistSize = 3 },
                new Round { Number = 2, Kind = BallotKind.Ranked, Method = CountingMethod.Schulze },
            ],
            TieBreakChain =
            [
                new TieBreakStep { Order = 1, Rule = TieBreakRule.MoreFirstPreferences },
                new TieBreakStep { Order = 2, Rule = TieBreakRule.ChairCastingVote },
                new TieBreakStep { Order = 3, Rule = TieBreakRule.RepeatBallot },
            ],
            EligibilityRules =
            [
                new EligibilityRule { Order = 1, Text = "Latvijas publiskā bibliotēka, kas reģistrēta Bibliotēku reģistrā", TextEn = "A Latvian public library on the Register of Libraries" },
                new EligibilityRule { Order = 2, Text = "Nav saņēmusi Gada bibliotēkas balvu pēdējos 3 gados", TextEn = "Has not received the award in the last 3 years" },
            ],
        };
        var schedule = PhasePlan.NewSchedule(cycle.Rounds.Count);
        var midnight = new DateTimeOffset(now.Year, now.Month, now.Day, 22, 0, 0, TimeSpan.Zero); // 00:00 in Riga
        DateTimeOffset? Starts(CyclePhase phase, int round) => (phase, round) switch
        {
            (CyclePhase.NominationsOpen, _) => midnight.AddDays(-10),
            (CyclePhase.EligibilityReview, _) => midnight.AddDays(30),
            (CyclePhase.Judging, 1) => midnight.AddDays(40),
            (CyclePhase.Shortlist, 1) => midnight.AddDays(60),
            (CyclePhase.Judging, 2) => midnight.AddDays(62),
            (CyclePhase.Counting, _) => midnight.AddDays(70),
            _ => null,
        };
        foreach (var step in schedule)
            step.StartsAt = Starts(step.Phase, step.RoundNumber);
        cycle.Schedule = schedule;
        return cycle;
    }

    private static AwardCycle ArchivedCycle2019(DateTimeOffset now)
    {
        var cycle = new AwardCycle
        {
            Title = "Gada bibliotēka 2019",
            TitleEn = "Library of the Year 2019",
            Year = 2019,
            Slug = "gada-biblioteka-2019",
            Phase = CyclePhase.Archived,
            RoundNumber = 1,
            CreatedAt = now,
            StatuteLockedAt = new DateTimeOffset(2019, 10, 1, 0, 0, 0, TimeSpan.Zero),
            Description = Seed.AwardDescription,
            DescriptionEn = Seed.AwardDescriptionEn,
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria = SeedCriteria(),
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
        };
        cycle.Schedule = PhasePlan.NewSchedule(1);
        return cycle;
    }
}

public enum DemoSeeding
{
    Seeded,
    /// <summary>Outside Development, with <c>Demo:AllowOutsideDevelopment</c>: the data, no accounts.</summary>
    SeededWithoutAccounts,
    NotEmpty,
    /// <summary>Outside Development without <c>Demo:AllowOutsideDevelopment</c>.</summary>
    RefusedOutsideDevelopment,
}
