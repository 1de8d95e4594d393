using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseShareConfiguration : IEntityTypeConfiguration<CaseShare>
{
    public void Configure(EntityTypeBuilder<CaseShare> builder)
    {
        builder.Property(s => s.SharedByUserId).HasMaxLength(450);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CaseId, s.Agency }).IsUnique();
        builder.HasIndex(s => new { s.Agency, s.CaseId });
    }
}
