using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.AuthorUserId).HasMaxLength(450);
        builder.Property(n => n.AuthorName).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(CaseNote.MaxText);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseNote>().WithMany().HasForeignKey(n => n.CorrectsNoteId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(n => new { n.CaseId, n.WrittenAt });
        // A note is corrected once; a later correction corrects the correction.
        builder.HasIndex(n => n.CorrectsNoteId).IsUnique();
    }
}
