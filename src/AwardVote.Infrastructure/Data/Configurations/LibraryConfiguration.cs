using AwardVote.Domain.Libraries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

internal sealed class LibraryConfiguration : IEntityTypeConfiguration<Library>
{
    public void Configure(EntityTypeBuilder<Library> library)
    {
        library.Property(l => l.Name).HasMaxLength(300);
        library.Property(l => l.NameGenitive).HasMaxLength(300);
        library.Property(l => l.NameDative).HasMaxLength(300);
        library.Property(l => l.NameAccusative).HasMaxLength(300);
        library.Property(l => l.NameLocative).HasMaxLength(300);
        library.Property(l => l.Region).HasMaxLength(100);
        library.Property(l => l.Municipality).HasMaxLength(100);
        library.Property(l => l.RegistrationNumber).HasMaxLength(50);
        library.Property(l => l.Address).HasMaxLength(500);
        library.Property(l => l.Website).HasMaxLength(500);
        library.Property(l => l.Email).HasMaxLength(320);
        library.Property(l => l.Phone).HasMaxLength(50);
        library.Property(l => l.RefusalReason).HasMaxLength(2000);
        library.HasIndex(l => l.RegistrationNumber).IsUnique();
        library.HasIndex(l => l.Status);
    }
}
