using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The model on PostgreSQL (<c>Database:Provider=Postgres</c>), with the migration set in
/// <c>Data/Migrations/Postgres</c>: EF Core keeps migrations per context type.
/// </summary>
public sealed class PostgresAsbOpsDbContext(DbContextOptions<PostgresAsbOpsDbContext> options) : AsbOpsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The case list's search is a LIKE '%…%' over each case's search text: a trigram GIN index finds the matching
        // cases (pg_trgm is a trusted extension, so the database's owner may create it without being a superuser).
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<AsbCase>().HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");

        // Incidents are appended all day and each is updated once, when it is screened (its case and ScreenedAt, both
        // indexed, so never a HOT update). At a fill factor of 100 the vacuum after those updates leaves a one-row hole
        // in most pages, and new incidents were put one per hole: a batch of 500 dirtied 500 scattered pages (and
        // wrote as many full-page images to the WAL). Keeping 10% of each page back means new rows go to pages with
        // real room (the table's end) and the screening update finds room on its own page (ADR 0026).
        builder.Entity<Incident>().HasStorageParameter("fillfactor", 90);

        // The count of victims overdue for contact (dashboard, live counters) probes each open case's victims and reads
        // their risk, when they were added and their id (for the contact plan). Carried in the index, the probe never
        // visits the table: force-wide at scale 100 the count took 222 ms reading each row, 60 ms from the index alone.
        builder.Entity<CaseParticipant>().HasIndex(p => new { p.CaseId, p.Role, p.RiskLevel }).IncludeProperties(p => new { p.Id, p.AddedAt });
    }
}
