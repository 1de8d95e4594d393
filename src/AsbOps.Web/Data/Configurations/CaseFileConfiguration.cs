using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(CaseFile.MaxFileName);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StoredName).HasMaxLength(100);
        builder.Property(f => f.Description).HasMaxLength(CaseFile.MaxDescription);
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450);
        builder.Property(f => f.UploadedByName).HasMaxLength(256);
        builder.Property(f => f.RetiredByUserId).HasMaxLength(450);
        builder.Property(f => f.RetiredReason).HasMaxLength(CaseFile.MaxRetireReason);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.CaseId, f.UploadedAt });
        builder.HasIndex(f => f.StoredName).IsUnique();
    }
}
