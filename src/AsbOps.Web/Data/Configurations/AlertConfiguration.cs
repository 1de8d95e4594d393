using AsbOps.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Kind).HasMaxLength(40);
        builder.Property(a => a.Message).HasMaxLength(500);
        builder.HasIndex(a => new { a.UserId, a.ReadAt, a.CreatedAt });
    }
}
