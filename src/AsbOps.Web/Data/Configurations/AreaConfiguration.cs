using AsbOps.Domain.Areas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(16);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.SergeantUserId).HasMaxLength(450);
        builder.Property(a => a.InspectorUserId).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Code).IsUnique();
    }
}
