using AsbOps.Domain.Cases;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.RecipientUserId).HasMaxLength(450);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);

        // One row per step of one assessment's schedule: the guarantee that a step is sent once.
        builder.HasIndex(r => new { r.AssessmentId, r.Step }).IsUnique();
        builder.HasIndex(r => r.CaseId);
    }
}
