using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

internal sealed class ConflictOfInterestConfiguration : IEntityTypeConfiguration<ConflictOfInterest>
{
    public void Configure(EntityTypeBuilder<ConflictOfInterest> conflict)
    {
        conflict.ToTable("Conflicts");
        conflict.Property(c => c.JurorUserId).HasMaxLength(450);
        conflict.Property(c => c.DecidedByUserId).HasMaxLength(450);
        conflict.Property(c => c.Reason).HasMaxLength(2000);
        conflict.Property(c => c.DecisionReason).HasMaxLength(2000);
        // One record per juror, nomination and source: a proposal made twice (a job run twice) stays one.
        conflict.HasIndex(c => new { c.JurorUserId, c.NominationId, c.Source }).IsUnique();
        conflict.HasIndex(c => new { c.CycleId, c.Status });
        conflict.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        // No key to the account: an erased juror's recusal stays (it changed a count), under an id that names nobody (issue 17).
    }
}

internal sealed class ScoreBallotConfiguration : IEntityTypeConfiguration<ScoreBallot>
{
    public void Configure(EntityTypeBuilder<ScoreBallot> ballot)
    {
        ballot.Property(b => b.JurorUserId).HasMaxLength(450);
        ballot.Property(b => b.EnteredByUserId).HasMaxLength(450);
        ballot.Property(b => b.Comment).HasMaxLength(10_000);
        ballot.Property(b => b.PrivateNotes).HasMaxLength(10_000);
        ballot.Property(b => b.Version).IsConcurrencyToken();
        // One ballot per juror per nomination per round, however many tabs or requests race.
        ballot.HasIndex(b => new { b.RoundId, b.NominationId, b.JurorUserId }).IsUnique();
        ballot.HasOne<Round>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
        ballot.HasOne<Nomination>().WithMany().HasForeignKey(b => b.NominationId).OnDelete(DeleteBehavior.Restrict);
        // No key to the account: a counted ballot outlives its juror's erasure, under the id the count numbered (issue 17).
        ballot.HasMany(b => b.Scores).WithOne().HasForeignKey(s => s.ScoreBallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreEntryConfiguration : IEntityTypeConfiguration<ScoreEntry>
{
    public void Configure(EntityTypeBuilder<ScoreEntry> entry)
    {
        entry.HasIndex(e => new { e.ScoreBallotId, e.CriterionId }).IsUnique();
        entry.HasOne<Criterion>().WithMany().HasForeignKey(e => e.CriterionId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class RankedBallotConfiguration : IEntityTypeConfiguration<RankedBallot>
{
    public void Configure(EntityTypeBuilder<RankedBallot> ballot)
    {
        ballot.Property(b => b.JurorUserId).HasMaxLength(450);
        ballot.Property(b => b.EnteredByUserId).HasMaxLength(450);
        ballot.Property(b => b.Version).IsConcurrencyToken();
        ballot.HasIndex(b => new { b.RoundId, b.CategoryId, b.JurorUserId }).IsUnique();
        ballot.HasOne<Round>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
        ballot.HasOne<Category>().WithMany().HasForeignKey(b => b.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // No key to the account: a counted ballot outlives its juror's erasure, under the id the count numbered (issue 17).
        ballot.HasMany(b => b.Ranks).WithOne().HasForeignKey(r => r.RankedBallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RankedEntryConfiguration : IEntityTypeConfiguration<RankedEntry>
{
    public void Configure(EntityTypeBuilder<RankedEntry> entry)
    {
        entry.HasIndex(e => new { e.RankedBallotId, e.NominationId }).IsUnique();
        entry.HasOne<Nomination>().WithMany().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> entry)
    {
        entry.ToTable("Shortlist");
        // A nomination is on a round's shortlist once.
        entry.HasIndex(e => new { e.RoundId, e.NominationId }).IsUnique();
        entry.HasIndex(e => new { e.RoundId, e.CategoryId, e.Position });
        entry.HasOne<Round>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Nomination>().WithMany().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.Restrict);
    }
}
