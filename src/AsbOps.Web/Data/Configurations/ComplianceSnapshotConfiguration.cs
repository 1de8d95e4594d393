using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ComplianceSnapshotConfiguration : IEntityTypeConfiguration<ComplianceSnapshot>
{
    public void Configure(EntityTypeBuilder<ComplianceSnapshot> builder)
    {
        builder.HasMany(s => s.Counts).WithOne().HasForeignKey(c => c.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.IsWeekly, s.TakenAt });
        builder.HasMany(s => s.AreaTotals).WithOne().HasForeignKey(t => t.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TakenAt);
        builder.Property(s => s.IsoWeek).HasMaxLength(8);
        builder.HasIndex(s => s.IsoWeek).IsUnique();
    }
}
