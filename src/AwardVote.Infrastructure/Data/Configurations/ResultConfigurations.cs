using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

internal sealed class RoundResultConfiguration : IEntityTypeConfiguration<RoundResult>
{
    public void Configure(EntityTypeBuilder<RoundResult> result)
    {
        result.Property(r => r.Method).HasMaxLength(40);
        result.Property(r => r.BallotFileSha256).HasMaxLength(64);
        // Counting twice stores one result.
        result.HasIndex(r => new { r.RoundId, r.CategoryId }).IsUnique();
        result.HasOne<Round>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CastingVoteConfiguration : IEntityTypeConfiguration<CastingVote>
{
    public void Configure(EntityTypeBuilder<CastingVote> vote)
    {
        vote.Property(v => v.ChosenName).HasMaxLength(300);
        vote.Property(v => v.ChairUserId).HasMaxLength(450);
        vote.Property(v => v.Reason).HasMaxLength(2000);
        // One casting vote per result: a second chair's click, or a second node, stores nothing more.
        vote.HasIndex(v => v.RoundResultId).IsUnique();
        vote.HasOne<RoundResult>().WithMany().HasForeignKey(v => v.RoundResultId).OnDelete(DeleteBehavior.Restrict);
        vote.HasOne<Nomination>().WithMany().HasForeignKey(v => v.ChosenNominationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> publication)
    {
        publication.Property(p => p.Citation).HasMaxLength(10_000);
        publication.Property(p => p.CitationEn).HasMaxLength(10_000);
        publication.Property(p => p.CitationByUserId).HasMaxLength(450);
        publication.Property(p => p.ApprovedByUserId).HasMaxLength(450);
        publication.Property(p => p.PublishedByUserId).HasMaxLength(450);
        publication.Property(p => p.CorrectionNote).HasMaxLength(2000);
        publication.Property(p => p.CorrectionNoteEn).HasMaxLength(2000);
        publication.Property(p => p.Version).IsConcurrencyToken();
        // One first announcement per cycle and category, and one correction of each (with CorrectsPublicationId).
        publication.HasIndex(p => new { p.CycleId, p.CategoryId, p.Sequence }).IsUnique();
        // A publication is corrected at most once; the correction is corrected in turn.
        publication.HasIndex(p => p.CorrectsPublicationId).IsUnique();
        publication.HasOne<AwardCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Restrict);
        publication.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        publication.HasOne<Nomination>().WithMany().HasForeignKey(p => p.LaureateNominationId).OnDelete(DeleteBehavior.Restrict);
        publication.HasOne<RoundResult>().WithMany().HasForeignKey(p => p.RoundResultId).OnDelete(DeleteBehavior.Restrict);
        publication.HasOne<Publication>().WithMany().HasForeignKey(p => p.CorrectsPublicationId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class VoteRequestConfiguration : IEntityTypeConfiguration<VoteRequest>
{
    public void Configure(EntityTypeBuilder<VoteRequest> request)
    {
        request.Property(r => r.VoterEmail).HasMaxLength(320);
        request.Property(r => r.VoterKey).HasMaxLength(320);
        request.Property(r => r.TokenHash).HasMaxLength(64);
        request.Property(r => r.RequestIp).HasMaxLength(64);
        request.HasIndex(r => r.TokenHash).IsUnique();
        // "At most N requests per mailbox an hour" reads this index, not the table.
        request.HasIndex(r => new { r.CycleId, r.VoterKey, r.RequestedAt });
        // The abuse detector reads one time window of a cycle.
        request.HasIndex(r => new { r.CycleId, r.RequestedAt });
    }
}

internal sealed class PeoplesChoiceVoteConfiguration : IEntityTypeConfiguration<PeoplesChoiceVote>
{
    public void Configure(EntityTypeBuilder<PeoplesChoiceVote> vote)
    {
        vote.Property(v => v.VoterEmail).HasMaxLength(320);
        vote.Property(v => v.VoterKey).HasMaxLength(320);
        vote.Property(v => v.AllowanceKey).HasMaxLength(50);
        // One confirmed vote per mailbox in what the statute allows one vote in, however the address is spelled.
        vote.HasIndex(v => new { v.CycleId, v.AllowanceKey, v.VoterKey }).IsUnique();
        vote.HasIndex(v => new { v.CycleId, v.CategoryId, v.NominationId });
        vote.HasIndex(v => v.VoteRequestId).IsUnique();
        vote.HasOne<Nomination>().WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberListEntryConfiguration : IEntityTypeConfiguration<MemberListEntry>
{
    public void Configure(EntityTypeBuilder<MemberListEntry> entry)
    {
        entry.ToTable("MemberList");
        entry.Property(e => e.Email).HasMaxLength(320);
        entry.HasIndex(e => new { e.CycleId, e.Email }).IsUnique();
    }
}

internal sealed class PeoplesChoiceResultConfiguration : IEntityTypeConfiguration<PeoplesChoiceResult>
{
    public void Configure(EntityTypeBuilder<PeoplesChoiceResult> result)
    {
        result.Property(r => r.BallotFileSha256).HasMaxLength(64);
        // Counting twice, or on two nodes at once, stores one result.
        result.HasIndex(r => new { r.CycleId, r.CategoryId }).IsUnique();
        result.HasOne<AwardCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteAlertConfiguration : IEntityTypeConfiguration<VoteAlert>
{
    public void Configure(EntityTypeBuilder<VoteAlert> alert)
    {
        alert.Property(a => a.Subject).HasMaxLength(320);
        alert.Property(a => a.Addresses).HasMaxLength(4000);
        // A detector that runs twice, or on two nodes, reports a burst once.
        alert.HasIndex(a => new { a.CycleId, a.Kind, a.Subject, a.WindowStart }).IsUnique();
        alert.HasOne<AwardCycle>().WithMany().HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
