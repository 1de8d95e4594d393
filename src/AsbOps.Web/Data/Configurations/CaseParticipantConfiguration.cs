using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseParticipantConfiguration : IEntityTypeConfiguration<CaseParticipant>
{
    public void Configure(EntityTypeBuilder<CaseParticipant> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.RequiresAssessment);
        builder.HasOne(p => p.Case).WithMany(c => c.Participants).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        // With the level, a case's stored role × level counts (CaseStanding.PeopleCounts) are worked out from this index alone.
        builder.HasIndex(p => new { p.CaseId, p.Role, p.RiskLevel });
        builder.HasIndex(p => new { p.PersonId, p.CaseId, p.Role }).IsUnique();
        builder.HasIndex(p => new { p.Role, p.RiskLevel });
    }
}
