using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ComplianceAreaTotalsConfiguration : IEntityTypeConfiguration<ComplianceAreaTotals>
{
    public void Configure(EntityTypeBuilder<ComplianceAreaTotals> builder) =>
        builder.HasIndex(t => new { t.SnapshotId, t.AreaId }).IsUnique();
}
