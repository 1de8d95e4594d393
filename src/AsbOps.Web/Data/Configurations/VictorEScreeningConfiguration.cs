using AsbOps.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class VictorEScreeningConfiguration : IEntityTypeConfiguration<VictorEScreening>
{
    public void Configure(EntityTypeBuilder<VictorEScreening> builder)
    {
        builder.Property(s => s.ScreenedByUserId).HasMaxLength(450);
        builder.Property(s => s.Notes).HasMaxLength(2000);
        builder.Ignore(s => s.Letters);
        builder.Ignore(s => s.ShouldBeCaseManaged);
        builder.HasIndex(s => s.IncidentId).IsUnique();
    }
}
