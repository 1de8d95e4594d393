using AsbOps.Domain.Cases;
using AsbOps.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class RetentionDecisionConfiguration : IEntityTypeConfiguration<RetentionDecision>
{
    public void Configure(EntityTypeBuilder<RetentionDecision> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(RetentionDecision.MaxReason);
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450);
        builder.Property(d => d.DecidedByName).HasMaxLength(256);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.CaseId, d.DecidedAt });
    }
}
