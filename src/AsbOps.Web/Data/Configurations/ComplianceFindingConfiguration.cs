using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ComplianceFindingConfiguration : IEntityTypeConfiguration<ComplianceFinding>
{
    public void Configure(EntityTypeBuilder<ComplianceFinding> builder)
    {
        builder.Property(f => f.Detail).HasMaxLength(500);
        builder.HasIndex(f => new { f.SnapshotId, f.Rule, f.AreaId });
    }
}
