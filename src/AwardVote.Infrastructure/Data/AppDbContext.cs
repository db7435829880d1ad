using AwardVote.Domain.Accounts;
using AwardVote.Domain.Association;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AwardVote.Infrastructure.Data;

/// <summary>
/// The one EF Core model of AwardVote (Identity included), used with SQLite, SQL Server or PostgreSQL.
/// </summary>
/// <remarks>
/// Migrations live in one project per provider. Add one to all three with <c>scripts/add-migration.sh NAME</c>, which runs
/// <c>dotnet ef migrations add NAME --project migrations/AwardVote.Migrations.Sqlite --startup-project migrations/AwardVote.Migrations.Sqlite</c>
/// and the same for <c>SqlServer</c> and <c>PostgreSql</c>.
/// </remarks>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<AssociationSettings> Association => Set<AssociationSettings>();
    public DbSet<Library> Libraries => Set<Library>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AwardCycle> Cycles => Set<AwardCycle>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<ScaleLevel> ScaleLevels => Set<ScaleLevel>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<TieBreakStep> TieBreakSteps => Set<TieBreakStep>();
    public DbSet<EligibilityRule> EligibilityRules => Set<EligibilityRule>();
    public DbSet<PhaseStep> PhaseSteps => Set<PhaseStep>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<NominationStatistic> NominationStatistics => Set<NominationStatistic>();
    public DbSet<NominationPartner> NominationPartners => Set<NominationPartner>();
    public DbSet<NominationLink> NominationLinks => Set<NominationLink>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Endorsement> Endorsements => Set<Endorsement>();
    public DbSet<ConflictOfInterest> Conflicts => Set<ConflictOfInterest>();
    public DbSet<ScoreBallot> ScoreBallots => Set<ScoreBallot>();
    public DbSet<ScoreEntry> ScoreEntries => Set<ScoreEntry>();
    public DbSet<RankedBallot> RankedBallots => Set<RankedBallot>();
    public DbSet<RankedEntry> RankedEntries => Set<RankedEntry>();
    public DbSet<ShortlistEntry> Shortlist => Set<ShortlistEntry>();
    public DbSet<RoundResult> RoundResults => Set<RoundResult>();
    public DbSet<CastingVote> CastingVotes => Set<CastingVote>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<VoteRequest> VoteRequests => Set<VoteRequest>();
    public DbSet<PeoplesChoiceVote> PeoplesChoiceVotes => Set<PeoplesChoiceVote>();
    public DbSet<MemberListEntry> MemberList => Set<MemberListEntry>();
    public DbSet<PeoplesChoiceResult> PeoplesChoiceResults => Set<PeoplesChoiceResult>();
    public DbSet<VoteAlert> VoteAlerts => Set<VoteAlert>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private DatabaseProvider? provider;

    /// <summary>
    /// The database this context runs on, read once per context (a pooled context keeps its options): EF Core's
    /// provider name is an assembly-name lookup, and a vote burst asked for it on every save (docs/benchmarks.md,
    /// scenario 1).
    /// </summary>
    public DatabaseProvider Provider => provider ??=
        Database.IsSqlite() ? DatabaseProvider.Sqlite
        : Database.IsNpgsql() ? DatabaseProvider.PostgreSql
        : DatabaseProvider.SqlServer;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (SqliteWriteGate.For(this) is not { } gate)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (SqliteWriteGate.For(this) is not { } gate)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Saves a few rows that EF Core sends to the database as one command. On PostgreSQL this goes without EF Core's
    /// BEGIN … COMMIT: PostgreSQL runs the statements of one command as one implicit transaction (all or none), so
    /// those would only add a round trip, one per public vote. Only for saves a test shows to be one command
    /// (HotPathTests); a save of more rows can be split into several commands and needs SaveChangesAsync.
    /// </summary>
    public async Task<int> SaveInOneCommandAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.PostgreSql)
            return await SaveChangesAsync(cancellationToken);
        var transactions = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Database.AutoTransactionBehavior = transactions;
        }
    }

    /// <summary>
    /// Runs a query and a save on one connection. EF Core otherwise opens and closes the connection around each, and
    /// every return to Npgsql's pool resets the session on the next use (seven statements once statements are
    /// prepared): a vote burst paid that twice per vote (docs/decisions/0010).
    /// </summary>
    public async Task<T> OnOneConnectionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        StoreEnumsAsText(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<decimal>().HavePrecision(18, 4);
        // SQLite has no date-time type: as text, DateTimeOffset cannot be compared or ordered in SQL. Every stored
        // time is UTC, so a binary (tick) encoding keeps the order and makes deadline queries run in the database.
        if (Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>Enums are stored by name: readable in the database and safe when members are reordered.</summary>
    private static void StoreEnumsAsText(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (!type.IsEnum)
                    continue;
                var converter = (ValueConverter)Activator.CreateInstance(
                    typeof(EnumToStringConverter<>).MakeGenericType(type), new ConverterMappingHints())!;
                property.SetValueConverter(converter);
                property.SetMaxLength(40);
            }
        }
    }
}
