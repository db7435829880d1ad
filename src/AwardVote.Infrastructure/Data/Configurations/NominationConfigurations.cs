using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

// Cascades follow one path only (cycle → category → …): SQL Server refuses tables reachable by two cascade paths.

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> nomination)
    {
        nomination.Property(n => n.CreatedByUserId).HasMaxLength(450);
        nomination.Property(n => n.EligibilityDecidedByUserId).HasMaxLength(450);
        nomination.Property(n => n.PublicSummary).HasMaxLength(2000);
        nomination.Property(n => n.Achievements).HasMaxLength(50_000);
        nomination.Property(n => n.Projects).HasMaxLength(50_000);
        nomination.Property(n => n.EligibilityReason).HasMaxLength(2000);
        nomination.Property(n => n.Version).IsConcurrencyToken();

        // The statute's "one nomination per library per cycle and category".
        nomination.HasIndex(n => new { n.LibraryId, n.CycleId, n.CategoryId }).IsUnique();
        nomination.HasIndex(n => new { n.CycleId, n.CategoryId, n.Status });

        nomination.HasOne<AwardCycle>().WithMany().HasForeignKey(n => n.CycleId).OnDelete(DeleteBehavior.Restrict);
        nomination.HasOne<Category>().WithMany().HasForeignKey(n => n.CategoryId).OnDelete(DeleteBehavior.Restrict);
        nomination.HasOne<Library>().WithMany().HasForeignKey(n => n.LibraryId).OnDelete(DeleteBehavior.Restrict);
        nomination.HasOne<Library>().WithMany().HasForeignKey(n => n.NominatedByLibraryId).OnDelete(DeleteBehavior.Restrict);

        nomination.HasMany(n => n.Statistics).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        nomination.HasMany(n => n.Partners).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        nomination.HasMany(n => n.Links).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        nomination.HasMany(n => n.Attachments).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        nomination.HasMany(n => n.Endorsements).WithOne().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationStatisticConfiguration : IEntityTypeConfiguration<NominationStatistic>
{
    public void Configure(EntityTypeBuilder<NominationStatistic> statistic)
    {
        statistic.Property(s => s.Label).HasMaxLength(200);
        statistic.Property(s => s.Unit).HasMaxLength(50);
    }
}

internal sealed class NominationPartnerConfiguration : IEntityTypeConfiguration<NominationPartner>
{
    public void Configure(EntityTypeBuilder<NominationPartner> partner)
    {
        partner.Property(p => p.Name).HasMaxLength(300);
        partner.Property(p => p.Role).HasMaxLength(500);
    }
}

internal sealed class NominationLinkConfiguration : IEntityTypeConfiguration<NominationLink>
{
    public void Configure(EntityTypeBuilder<NominationLink> link)
    {
        link.Property(l => l.Url).HasMaxLength(2000);
        link.Property(l => l.Title).HasMaxLength(300);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.OriginalFileName).HasMaxLength(255);
        attachment.Property(a => a.SafeFileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.StorageKey).HasMaxLength(200);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.Caption).HasMaxLength(1000);
        attachment.Property(a => a.Licence).HasMaxLength(200);
        attachment.Property(a => a.Credit).HasMaxLength(300);
        attachment.Property(a => a.UploadedByUserId).HasMaxLength(450);
        attachment.HasIndex(a => a.StorageKey).IsUnique();
        attachment.HasOne<Endorsement>().WithMany().HasForeignKey(a => a.EndorsementId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> endorsement)
    {
        endorsement.Property(e => e.EndorserName).HasMaxLength(200);
        endorsement.Property(e => e.EndorserEmail).HasMaxLength(320);
        endorsement.Property(e => e.EndorserTitle).HasMaxLength(300);
        endorsement.Property(e => e.Organisation).HasMaxLength(300);
        endorsement.Property(e => e.Culture).HasMaxLength(10);
        endorsement.Property(e => e.TokenHash).HasMaxLength(64);
        endorsement.Property(e => e.RequestedByUserId).HasMaxLength(450);
        endorsement.Property(e => e.Letter).HasMaxLength(20_000);
        endorsement.HasIndex(e => e.TokenHash).IsUnique();
    }
}
