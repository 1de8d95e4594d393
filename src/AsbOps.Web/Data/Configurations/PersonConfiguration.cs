using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.SearchName).HasMaxLength(210);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.FullName);
        builder.HasIndex(p => new { p.SearchName, p.DateOfBirth });
        builder.HasIndex(p => p.Postcode);
        builder.HasIndex(p => p.MergedIntoId);
    }
}
