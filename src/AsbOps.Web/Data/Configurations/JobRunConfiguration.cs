using AsbOps.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(100);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.Detail).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Job, r.StartedAt });
    }
}
