using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.OutcomeNote).HasMaxLength(2000);
        builder.Property(r => r.SafeguardingConcerns).HasMaxLength(4000);
        builder.Property(r => r.ImmediateActions).HasMaxLength(2000);
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsComplete);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CaseId, r.IsSafeguarding });
        builder.HasIndex(r => new { r.Agency, r.Status });
    }
}
