using AsbOps.Domain.Areas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(120);
        builder.Property(u => u.CollarNumber).HasMaxLength(20);
        builder.Property(u => u.PrimaryRole).HasMaxLength(20);
        builder.HasOne<Area>().WithMany().HasForeignKey(u => u.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.AreaId, u.PrimaryRole });
    }
}
