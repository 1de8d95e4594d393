using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class StoredApiClientConfiguration : IEntityTypeConfiguration<StoredApiClient>
{
    public void Configure(EntityTypeBuilder<StoredApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.Property(c => c.Name).HasMaxLength(60);
        builder.Property(c => c.KeyHash).HasMaxLength(32);
        builder.Property(c => c.Scopes).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasIndex(c => c.KeyHash).IsUnique();
    }
}
