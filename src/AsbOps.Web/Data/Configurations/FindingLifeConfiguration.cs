using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class FindingLifeConfiguration : IEntityTypeConfiguration<FindingLife>
{
    public void Configure(EntityTypeBuilder<FindingLife> builder)
    {
        builder.Property(f => f.OwnerUserId).HasMaxLength(450);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);

        // One open life per finding: a second sweep racing the first cannot open it twice.
        builder.HasIndex(f => new { f.CaseId, f.Rule, f.ParticipantId }, "IX_FindingLives_Open").IsUnique().HasFilter("\"PutRightAt\" IS NULL");
        builder.HasIndex(f => new { f.PutRightAt, f.FirstSeenAt });
        builder.HasIndex(f => f.OwnerUserId);
    }
}
