using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseReviewConfiguration : IEntityTypeConfiguration<CaseReview>
{
    public void Configure(EntityTypeBuilder<CaseReview> builder)
    {
        builder.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CaseId, r.ReviewedAt });
    }
}
