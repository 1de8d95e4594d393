using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Areas;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseReviewApplicationConfiguration : IEntityTypeConfiguration<CaseReviewApplication>
{
    public void Configure(EntityTypeBuilder<CaseReviewApplication> builder)
    {
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.ApplicantReference).HasMaxLength(100);
        builder.HasIndex(a => a.ApplicantReference).IsUnique();
        builder.Property(a => a.RequestHash).HasMaxLength(64);
        builder.Property(a => a.ApplicantName).HasMaxLength(CaseReviewApplication.MaxName);
        builder.Property(a => a.OnBehalfOf).HasMaxLength(CaseReviewApplication.MaxName);
        builder.Property(a => a.ContactPhone).HasMaxLength(40);
        builder.Property(a => a.ContactEmail).HasMaxLength(254);
        builder.Property(a => a.ContactAddress).HasMaxLength(400);
        builder.Property(a => a.Postcode).HasMaxLength(10);
        builder.Property(a => a.Account).HasMaxLength(CaseReviewApplication.MaxText);
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.Property(a => a.OverriddenByUserId).HasMaxLength(450);
        builder.Property(a => a.OverrideReason).HasMaxLength(2000);
        builder.Property(a => a.DecisionReason).HasMaxLength(CaseReviewApplication.MaxText);
        builder.Property(a => a.AgenciesPresent).HasMaxLength(2000);
        builder.Property(a => a.ReviewSummary).HasMaxLength(CaseReviewApplication.MaxText);
        builder.Property(a => a.OutcomeLetter).HasMaxLength(20000);
        builder.Property(a => a.AppealBy).HasMaxLength(CaseReviewApplication.MaxName);
        builder.Property(a => a.AppealOutcome).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Stage);
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.ReliedOn).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Recommendations).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AreaId, a.NextStepDueOn });
        builder.HasIndex(a => a.NextStepDueOn);
        builder.HasIndex(a => a.ReceivedAt);
        builder.HasIndex(a => a.CaseId);
    }
}

public sealed class CaseReviewReliedReportConfiguration : IEntityTypeConfiguration<CaseReviewReliedReport>
{
    public void Configure(EntityTypeBuilder<CaseReviewReliedReport> builder)
    {
        builder.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ApplicationId, r.IncidentId }).IsUnique();
    }
}

public sealed class CaseReviewRecommendationConfiguration : IEntityTypeConfiguration<CaseReviewRecommendation>
{
    public void Configure(EntityTypeBuilder<CaseReviewRecommendation> builder)
    {
        builder.HasOne(r => r.ActionItem).WithMany().HasForeignKey(r => r.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ActionItemId).IsUnique();
    }
}

public sealed class CaseReviewPromptConfiguration : IEntityTypeConfiguration<CaseReviewPrompt>
{
    public void Configure(EntityTypeBuilder<CaseReviewPrompt> builder)
    {
        builder.Property(p => p.Reason).HasMaxLength(2000);
        builder.Property(p => p.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incident>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CaseId, p.IncidentId }).IsUnique();
    }
}
