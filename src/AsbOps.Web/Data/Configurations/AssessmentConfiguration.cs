using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.Property(a => a.ApprovedByUserId).HasMaxLength(450);
        builder.Property(a => a.JudgementRationale).HasMaxLength(2000);
        builder.Property(a => a.ApprovalNote).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<AsbCase>().WithMany(c => c.Assessments).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.CaseParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.GuidanceVersion).WithMany().HasForeignKey(a => a.GuidanceVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // Both carry what the assessment rules test (status, unknowns, case), so a rule's probe is answered by the index.
        builder.HasIndex(a => new { a.CaseId, a.IsCurrent, a.Kind, a.Status, a.UnknownCount });
        builder.HasIndex(a => new { a.CaseParticipantId, a.IsCurrent, a.Status, a.CaseId });
        builder.HasIndex(a => new { a.IsCurrent, a.UnknownCount });
        builder.HasIndex(a => new { a.JudgementApproval, a.IsCurrent });
        // The dashboard's queue "unknown answers outstanding", oldest first: only current assessments with an unknown
        // answer (3,000 of 1.3 million at scale 100), in creation order, carrying what the queue lists.
        builder.HasIndex(a => new { a.CreatedAt, a.CaseId, a.Kind, a.UnknownCount }, "IX_Assessments_CurrentWithUnknowns")
            .HasFilter("\"IsCurrent\" AND \"UnknownCount\" > 0");
    }
}
