using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ComplianceSnapshotCountConfiguration : IEntityTypeConfiguration<ComplianceSnapshotCount>
{
    public void Configure(EntityTypeBuilder<ComplianceSnapshotCount> builder) =>
        builder.HasIndex(c => new { c.SnapshotId, c.AreaId, c.Rule }).IsUnique();
}
