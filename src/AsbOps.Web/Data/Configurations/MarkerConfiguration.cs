using AsbOps.Domain.Cases;
using AsbOps.Domain.Markers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class MarkerConfiguration : IEntityTypeConfiguration<Marker>
{
    public void Configure(EntityTypeBuilder<Marker> builder)
    {
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Address).HasMaxLength(300);
        builder.Property(m => m.Postcode).HasMaxLength(10);
        builder.Property(m => m.EndReason).HasMaxLength(200);
        builder.Ignore(m => m.IsActive);
        builder.HasOne<AsbCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CaseId, m.EndedAt });
        builder.HasIndex(m => new { m.Postcode, m.EndedAt });
        builder.HasIndex(m => new { m.PersonId, m.EndedAt });
    }
}
