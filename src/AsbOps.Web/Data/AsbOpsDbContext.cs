using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Alerts;
using AsbOps.Domain.Areas;
using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Jobs;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Retention;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data.Auditing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The AsbOps database: the model, shared by one concrete context per provider. Each provider has its own migration
/// set, because a migration holds provider column types: <see cref="SqliteAsbOpsDbContext"/> in <c>Data/Migrations</c>,
/// <see cref="PostgresAsbOpsDbContext"/> in <c>Data/Migrations/Postgres</c>. A model change adds a migration to both:
/// <c>dotnet ef migrations add NAME --context SqliteAsbOpsDbContext --output-dir Data/Migrations --project src/AsbOps.Web</c>
/// and
/// <c>dotnet ef migrations add NAME --context PostgresAsbOpsDbContext --output-dir Data/Migrations/Postgres --project src/AsbOps.Web</c>.
/// The app applies pending migrations at start-up. Features use <c>IDbContextFactory&lt;AsbOpsDbContext&gt;</c>
/// and never name a provider's context.
/// </summary>
public abstract class AsbOpsDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<VictorEScreening> Screenings => Set<VictorEScreening>();
    public DbSet<AsbCase> Cases => Set<AsbCase>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<CaseParticipant> CaseParticipants => Set<CaseParticipant>();
    public DbSet<CaseShare> CaseShares => Set<CaseShare>();
    public DbSet<CaseReview> CaseReviews => Set<CaseReview>();
    public DbSet<RiskGuidanceVersion> GuidanceVersions => Set<RiskGuidanceVersion>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentAnswer> AssessmentAnswers => Set<AssessmentAnswer>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Marker> Markers => Set<Marker>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ComplianceSnapshot> ComplianceSnapshots => Set<ComplianceSnapshot>();
    public DbSet<ComplianceSnapshotCount> ComplianceSnapshotCounts => Set<ComplianceSnapshotCount>();
    public DbSet<ComplianceFinding> ComplianceFindings => Set<ComplianceFinding>();
    public DbSet<ComplianceAreaTotals> ComplianceAreaTotals => Set<ComplianceAreaTotals>();
    public DbSet<FindingLife> FindingLives => Set<FindingLife>();
    public DbSet<FindingChase> FindingChases => Set<FindingChase>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<StoredApiClient> ApiClients => Set<StoredApiClient>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<VictimContactPlan> VictimContactPlans => Set<VictimContactPlan>();
    public DbSet<VictimContact> VictimContacts => Set<VictimContact>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<RetentionDecision> RetentionDecisions => Set<RetentionDecision>();
    public DbSet<CaseReviewApplication> CaseReviewApplications => Set<CaseReviewApplication>();
    public DbSet<CaseReviewReliedReport> CaseReviewReliedReports => Set<CaseReviewReliedReport>();
    public DbSet<CaseReviewRecommendation> CaseReviewRecommendations => Set<CaseReviewRecommendation>();
    public DbSet<CaseReviewPrompt> CaseReviewPrompts => Set<CaseReviewPrompt>();

    /// <summary>The data-protection key ring shared by every instance (<c>DataProtection:KeyStore=Database</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AsbOpsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is stored and read back as UTC (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // Enums read as words in the database, except RiskLevel, whose order the queues compare.
        foreach (var enumType in typeof(Area).Assembly.GetTypes().Where(t => t.IsEnum && t != typeof(RiskLevel)))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
    }

    /// <summary>Who the audit trail names for this context's saves; set by the feature service that opens it.</summary>
    public AuditActor AuditActor { get; set; } = AuditActor.System;

    /// <summary>Bulk loads (the demo force) switch the audit trail off; every other save is audited.</summary>
    public bool AuditEnabled { get; set; } = true;

    /// <summary>The clock the audit trail uses; set by tests that fake time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Whether this context was leased from <see cref="IReadContextPool"/>: it reads, and refuses to save.</summary>
    public bool IsReadLease { get; private set; }

    /// <summary>
    /// Readies a pooled context for a lease: the settable state as a new context has it (EF Core resets its own state
    /// when a context returns to the pool, not this), and saving refused.
    /// </summary>
    internal void LeaseForReads()
    {
        AuditActor = AuditActor.System;
        AuditEnabled = true;
        Clock = TimeProvider.System;
        IsReadLease = true;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ThrowIfReadLease();
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var pending = Prepare();
            var touched = CaseStandingRefresh.Touched.Collect(ChangeTracker);
            if (pending.Count == 0 && touched.IsEmpty)
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }

            using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            touched.Refresh(this);
            if (pending.Count > 0)
            {
                AuditWriter.Write(this, AuditEntriesFor(pending));
            }

            transaction?.Commit();
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ThrowIfReadLease();
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            var pending = Prepare();
            var touched = CaseStandingRefresh.Touched.Collect(ChangeTracker);
            if (pending.Count == 0 && touched.IsEmpty)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            // The change, the standing of the cases it touched and its audit entries commit together or not at all.
            await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await touched.RefreshAsync(this, cancellationToken);
            if (pending.Count > 0)
            {
                await AuditWriter.WriteAsync(this, AuditEntriesFor(pending), cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>
    /// Detects changes once, bumps the concurrency versions and reads the audit trail's before → after, then turns
    /// automatic detection off until the save ends: every later step (the versions, the audit capture, the base save)
    /// would otherwise walk every tracked entity again, which was most of an assessment save's time. Nothing changes
    /// entities between here and the save except through the change tracker itself.
    /// </summary>
    private List<AuditRecorder.Pending> Prepare()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        ConcurrencyVersioning.BumpVersions(ChangeTracker);
        return AuditEnabled ? AuditRecorder.Capture(ChangeTracker) : [];
    }

    private void ThrowIfReadLease()
    {
        if (IsReadLease)
        {
            throw new InvalidOperationException("A context leased for reads (IReadContextPool) does not save; use IDbContextFactory<AsbOpsDbContext>.");
        }
    }

    private List<AuditEntry> AuditEntriesFor(List<AuditRecorder.Pending> pending) =>
        AuditRecorder.ToEntries(pending, AuditActor, Clock.GetUtcNow().UtcDateTime, ChangeTracker);
}
