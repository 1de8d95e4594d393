using AsbOps.Domain.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.OwnerName).HasMaxLength(120);
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Status, a.DueDate });
    }
}
