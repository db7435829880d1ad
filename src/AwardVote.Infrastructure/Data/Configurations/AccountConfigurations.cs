using AwardVote.Domain.Accounts;
using AwardVote.Domain.Association;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.PreferredCulture).HasMaxLength(10);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> grant)
    {
        grant.Property(g => g.UserId).HasMaxLength(450);
        grant.Property(g => g.ScopeKey).HasMaxLength(100);
        grant.Property(g => g.GrantedByUserId).HasMaxLength(450);
        grant.HasIndex(g => new { g.UserId, g.Role, g.ScopeKey }).IsUnique();
        grant.HasIndex(g => new { g.CycleId, g.CategoryId });
        grant.HasIndex(g => g.LibraryId);
        grant.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        grant.HasOne<Library>().WithMany().HasForeignKey(g => g.LibraryId).OnDelete(DeleteBehavior.Restrict);
        grant.HasOne<AwardCycle>().WithMany().HasForeignKey(g => g.CycleId).OnDelete(DeleteBehavior.Restrict);
        grant.HasOne<Category>().WithMany().HasForeignKey(g => g.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(320);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.InvitedByUserId).HasMaxLength(450);
        invitation.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
    }
}

internal sealed class AssociationSettingsConfiguration : IEntityTypeConfiguration<AssociationSettings>
{
    public void Configure(EntityTypeBuilder<AssociationSettings> settings)
    {
        settings.ToTable("AssociationSettings");
        settings.Property(s => s.Name).HasMaxLength(300);
        settings.Property(s => s.NameEn).HasMaxLength(300);
        settings.Property(s => s.ShortName).HasMaxLength(50);
        settings.Property(s => s.Website).HasMaxLength(500);
        settings.Property(s => s.ContactEmail).HasMaxLength(320);
        settings.Property(s => s.TimeZone).HasMaxLength(64);
        settings.Property(s => s.DefaultCulture).HasMaxLength(10);
    }
}
