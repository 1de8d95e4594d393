using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.Property(p => p.Objective).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<AsbCase>().WithOne().HasForeignKey<ActionPlan>(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CaseId).IsUnique();
    }
}
