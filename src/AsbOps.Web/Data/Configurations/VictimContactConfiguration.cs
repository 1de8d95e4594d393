using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class VictimContactConfiguration : IEntityTypeConfiguration<VictimContact>
{
    public void Configure(EntityTypeBuilder<VictimContact> builder)
    {
        builder.Property(c => c.ByUserId).HasMaxLength(450);
        builder.Property(c => c.ByName).HasMaxLength(256);
        builder.Property(c => c.Outcome).HasMaxLength(VictimContact.MaxOutcome);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseParticipant>().WithMany().HasForeignKey(c => c.CaseParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CaseId, c.ContactedAt });
        builder.HasIndex(c => new { c.CaseParticipantId, c.ContactedAt });
    }
}
