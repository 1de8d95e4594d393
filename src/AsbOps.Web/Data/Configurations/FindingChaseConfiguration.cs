using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class FindingChaseConfiguration : IEntityTypeConfiguration<FindingChase>
{
    public void Configure(EntityTypeBuilder<FindingChase> builder)
    {
        builder.Property(c => c.RecipientUserId).HasMaxLength(450);
        builder.HasOne<FindingLife>().WithMany().HasForeignKey(c => c.FindingLifeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);

        // One row per step of one finding's chase: the guarantee that a step is sent once.
        builder.HasIndex(c => new { c.FindingLifeId, c.Step }).IsUnique();
        builder.HasIndex(c => c.CaseId);
    }
}
