using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.Property(m => m.DeduplicationKey).HasMaxLength(300);
        message.Property(m => m.Purpose).HasMaxLength(100);
        message.Property(m => m.ToEmail).HasMaxLength(320);
        message.Property(m => m.ToName).HasMaxLength(200);
        message.Property(m => m.Culture).HasMaxLength(10);
        message.Property(m => m.Subject).HasMaxLength(400);
        message.Property(m => m.TextBody).HasMaxLength(100_000);
        message.Property(m => m.HtmlBody).HasMaxLength(200_000);
        message.Property(m => m.LastError).HasMaxLength(2000);
        // Each (recipient, purpose) once: a job that runs twice cannot queue a second copy.
        message.HasIndex(m => m.DeduplicationKey).IsUnique();
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.ActorUserId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(100);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(100);
        entry.Property(e => e.Reason).HasMaxLength(2000);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
        entry.HasIndex(e => e.CycleId);
        entry.HasIndex(e => e.At);
    }
}
