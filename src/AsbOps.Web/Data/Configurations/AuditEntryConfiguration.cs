using AsbOps.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(60);
        builder.HasIndex(a => new { a.CaseId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });

        // The audit view: newest first, and by the user who made the changes.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}
