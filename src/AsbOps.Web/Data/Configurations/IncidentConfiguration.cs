using AsbOps.Domain.Areas;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.StormRef).HasMaxLength(40);
        builder.Property(i => i.StormRefKey).HasMaxLength(60);
        builder.Property(i => i.Address).HasMaxLength(300);
        builder.Property(i => i.Postcode).HasMaxLength(10);
        builder.Property(i => i.Description).HasMaxLength(Incident.DescriptionMaxLength);
        builder.Property(i => i.ReporterName).HasMaxLength(200);
        builder.Property(i => i.ReporterPhone).HasMaxLength(40);
        builder.Property(i => i.RequestHash).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.OwnsOne(i => i.Thrive, thrive =>
        {
            thrive.Property(t => t.Threat).HasMaxLength(ThriveAssessment.NoteMaxLength);
            thrive.Property(t => t.Harm).HasMaxLength(ThriveAssessment.NoteMaxLength);
            thrive.Property(t => t.Risk).HasMaxLength(ThriveAssessment.NoteMaxLength);
            thrive.Property(t => t.Investigation).HasMaxLength(ThriveAssessment.NoteMaxLength);
            thrive.Property(t => t.Vulnerability).HasMaxLength(ThriveAssessment.NoteMaxLength);
            thrive.Property(t => t.Engagement).HasMaxLength(ThriveAssessment.NoteMaxLength);
        });
        builder.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AsbCase>().WithMany(c => c.Incidents).HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Screening).WithOne().HasForeignKey<VictorEScreening>(s => s.IncidentId);
        builder.HasIndex(i => i.StormRefKey).IsUnique();
        builder.HasIndex(i => i.StormRef);
        builder.HasIndex(i => new { i.AreaId, i.ReceivedAt });
        builder.HasIndex(i => i.CaseId);
        builder.HasIndex(i => i.Postcode);

        // The screening queue: unlinked and not screened, a few hundred rows in a force. Both are IS NULL tests, which
        // SQLite seeks as equalities (a partial index on a boolean flag it would not choose over the CaseId index).
        builder.HasIndex(i => new { i.CaseId, i.ScreenedAt, i.AreaId, i.ReceivedAt }, "IX_Incidents_AwaitingScreening").HasFilter("\"CaseId\" IS NULL");
    }
}
