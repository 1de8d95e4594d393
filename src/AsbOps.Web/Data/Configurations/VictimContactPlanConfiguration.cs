using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class VictimContactPlanConfiguration : IEntityTypeConfiguration<VictimContactPlan>
{
    public void Configure(EntityTypeBuilder<VictimContactPlan> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseParticipant>().WithMany().HasForeignKey(p => p.CaseParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CaseId);
        // One plan a victim.
        builder.HasIndex(p => p.CaseParticipantId).IsUnique();
        builder.HasIndex(p => p.NextContactDue);
    }
}
