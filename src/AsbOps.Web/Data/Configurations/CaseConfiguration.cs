using AsbOps.Domain.Areas;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<AsbCase>
{
    public void Configure(EntityTypeBuilder<AsbCase> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.LeadOfficerId).HasMaxLength(450);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.Postcode).HasMaxLength(10);
        builder.Property(c => c.Summary).HasMaxLength(4000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.LeadOfficerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.Reference).IsUnique();
        // The case list's pages come newest first (OpenedAt, then Id): its commonest filters, an area user's own area
        // and the dashboard's area × open × high drill-down, read their first 50 rows straight off these indexes in
        // order instead of sorting every match (or walking every open case of the force).
        builder.HasIndex(c => new { c.AreaId, c.Status, c.RiskLevel, c.OpenedAt, c.Id });
        builder.HasIndex(c => new { c.AreaId, c.OpenedAt, c.Id });
        // The force-wide list with no filter, read backwards (without it PostgreSQL sorted all 438,200 cases at scale 100).
        builder.HasIndex(c => new { c.OpenedAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.OpenedAt });
        // The open cases oldest first with the flags the dashboard's queue "awaiting an assessment" tests: without it
        // PostgreSQL walked (OpenedAt, Id) from the oldest case, almost all closed, past 374,000 cases at scale 100 to
        // find the first ten (600 ms); with it, 36,000 entries of this index and no table row (19 ms).
        builder.HasIndex(
                c => new { c.OpenedAt, c.HasUnassessedVictim, c.LacksVictimAndLocationAssessment, c.HasUnassessedPerpetrator, c.Reference, c.Id },
                "IX_Cases_OpenByOpenedAt")
            .HasFilter("\"Status\" IN ('Open', 'UnderReview')");
        builder.HasIndex(c => new { c.Status, c.NextReviewDue });
        // The dashboard's queue "reviews due", soonest first: the open cases by their stored next review date, and apart
        // the open cases without one (none in the demo force) by opening date, each carrying what the queue lists.
        builder.HasIndex(c => new { c.NextReviewDue, c.AreaId, c.Reference, c.LastReviewedAt, c.OpenedAt, c.RiskLevel }, "IX_Cases_OpenByNextReviewDue")
            .HasFilter("\"Status\" IN ('Open', 'UnderReview') AND \"NextReviewDue\" IS NOT NULL");
        builder.HasIndex(c => new { c.OpenedAt, c.AreaId, c.Reference, c.LastReviewedAt, c.RiskLevel }, "IX_Cases_OpenWithoutReviewDate")
            .HasFilter("\"Status\" IN ('Open', 'UnderReview') AND \"NextReviewDue\" IS NULL");
        builder.HasIndex(c => c.Postcode);
        builder.HasIndex(c => c.LeadOfficerId);
        builder.HasIndex(c => c.RetentionReviewDue);

        // The open cases with a victim due for contact, by that date: the dashboard's overdue contacts count reads the
        // few whose date has passed instead of every open case's victims.
        builder.HasIndex(c => new { c.FirstVictimContactDue, c.AreaId, c.Id }, "IX_Cases_OpenByVictimContactDue")
            .HasFilter("\"Status\" IN ('Open', 'UnderReview')");

        // The counters' index: the open few cases only, carrying every column the dashboard's counts, queue lists and role
        // heatmap read (the stored standing and people counts included), so that a pass over the open cases reads this
        // index and nothing else (25 columns: PostgreSQL allows 32).
        // Status leads because the queries name it (IsOpen), which is also how SQLite matches them to this filter.
        builder.HasIndex(
                c => new
                {
                    c.Status,
                    c.AreaId,
                    c.OpenedAt,
                    c.RiskLevel,
                    c.NextReviewDue,
                    c.LastReviewedAt,
                    c.HighRiskSince,
                    c.Reference,
                    c.HasUnassessedVictim,
                    c.LacksVictimAndLocationAssessment,
                    c.HasUnassessedPerpetrator,
                    c.UnknownAnswers,
                    c.HasActionPlan,
                    c.VictimsNotAssessed,
                    c.VictimsLow,
                    c.VictimsMedium,
                    c.VictimsHigh,
                    c.PerpetratorsNotAssessed,
                    c.PerpetratorsLow,
                    c.PerpetratorsMedium,
                    c.PerpetratorsHigh,
                    c.WitnessesNotAssessed,
                    c.WitnessesLow,
                    c.WitnessesMedium,
                    c.WitnessesHigh,
                },
                "IX_Cases_OpenCounters")
            .HasFilter("\"Status\" IN ('Open', 'UnderReview')");
    }
}
