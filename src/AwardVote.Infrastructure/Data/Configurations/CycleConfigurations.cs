using AwardVote.Domain.Cycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AwardVote.Infrastructure.Data.Configurations;

internal sealed class AwardCycleConfiguration : IEntityTypeConfiguration<AwardCycle>
{
    public void Configure(EntityTypeBuilder<AwardCycle> cycle)
    {
        cycle.ToTable("Cycles");
        cycle.Property(c => c.Title).HasMaxLength(300);
        cycle.Property(c => c.TitleEn).HasMaxLength(300);
        cycle.Property(c => c.Slug).HasMaxLength(100);
        cycle.Property(c => c.TimeZone).HasMaxLength(64);
        cycle.Property(c => c.Description).HasMaxLength(20_000);
        cycle.Property(c => c.DescriptionEn).HasMaxLength(20_000);
        cycle.Property(c => c.ReminderDaysBeforeClose).HasMaxLength(50);
        cycle.Property(c => c.Version).IsConcurrencyToken();
        cycle.HasIndex(c => c.Slug).IsUnique();
        cycle.HasIndex(c => c.Phase);
        cycle.OwnsOne(c => c.WinRule, win =>
        {
            win.Property(w => w.MinimumFirstPlaces).HasColumnName("WinMinimumFirstPlaces");
            win.Property(w => w.MinimumLead).HasColumnName("WinMinimumLead");
        });
        cycle.Navigation(c => c.WinRule).IsRequired();
        cycle.OwnsOne(c => c.PeoplesChoice, vote =>
        {
            vote.Property(v => v.Enabled).HasColumnName("PeoplesChoiceEnabled");
            vote.Property(v => v.Eligibility).HasColumnName("PeoplesChoiceEligibility");
            vote.Property(v => v.Allowance).HasColumnName("PeoplesChoiceAllowance");
            vote.Property(v => v.OpensAt).HasColumnName("PeoplesChoiceOpensAt");
            vote.Property(v => v.ClosesAt).HasColumnName("PeoplesChoiceClosesAt");
            vote.Property(v => v.LiveCount).HasColumnName("PeoplesChoiceLiveCount");
        });
        cycle.Navigation(c => c.PeoplesChoice).IsRequired();
        cycle.HasOne<AwardCycle>().WithMany().HasForeignKey(c => c.CopiedFromCycleId).OnDelete(DeleteBehavior.Restrict);

        cycle.HasMany(c => c.Categories).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        cycle.HasMany(c => c.Criteria).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        cycle.HasMany(c => c.Rounds).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        cycle.HasMany(c => c.TieBreakChain).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        cycle.HasMany(c => c.EligibilityRules).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        cycle.HasMany(c => c.Schedule).WithOne().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Name).HasMaxLength(200);
        category.Property(c => c.NameEn).HasMaxLength(200);
        category.Property(c => c.Description).HasMaxLength(4000);
        category.Property(c => c.DescriptionEn).HasMaxLength(4000);
        category.HasIndex(c => new { c.CycleId, c.Name }).IsUnique();
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> criterion)
    {
        criterion.Property(c => c.Name).HasMaxLength(300);
        criterion.Property(c => c.NameEn).HasMaxLength(300);
        criterion.Property(c => c.Description).HasMaxLength(4000);
        criterion.Property(c => c.DescriptionEn).HasMaxLength(4000);
        criterion.HasIndex(c => new { c.CycleId, c.Order });
        criterion.HasMany(c => c.Levels).WithOne().HasForeignKey(l => l.CriterionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScaleLevelConfiguration : IEntityTypeConfiguration<ScaleLevel>
{
    public void Configure(EntityTypeBuilder<ScaleLevel> level)
    {
        level.Property(l => l.Label).HasMaxLength(200);
        level.Property(l => l.LabelEn).HasMaxLength(200);
        level.HasIndex(l => new { l.CriterionId, l.Value }).IsUnique();
    }
}

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> round)
    {
        // Also what keeps two administrators from opening two repeat ballots at once: both would take the same number.
        round.HasIndex(r => new { r.CycleId, r.Number }).IsUnique();
        round.HasOne<Round>().WithMany().HasForeignKey(r => r.RepeatOfRoundId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class TieBreakStepConfiguration : IEntityTypeConfiguration<TieBreakStep>
{
    public void Configure(EntityTypeBuilder<TieBreakStep> step)
    {
        step.HasIndex(s => new { s.CycleId, s.Order }).IsUnique();
        step.HasOne<Criterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class EligibilityRuleConfiguration : IEntityTypeConfiguration<EligibilityRule>
{
    public void Configure(EntityTypeBuilder<EligibilityRule> rule)
    {
        rule.Property(r => r.Text).HasMaxLength(2000);
        rule.Property(r => r.TextEn).HasMaxLength(2000);
    }
}

internal sealed class PhaseStepConfiguration : IEntityTypeConfiguration<PhaseStep>
{
    public void Configure(EntityTypeBuilder<PhaseStep> step)
    {
        step.HasIndex(s => new { s.CycleId, s.Sequence }).IsUnique();
        step.HasIndex(s => new { s.CycleId, s.Phase, s.RoundNumber }).IsUnique();
        step.HasIndex(s => s.StartsAt);
    }
}
