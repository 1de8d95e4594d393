using System.Text.Json;
using System.Text.Json.Serialization;
using AsbOps.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class RiskGuidanceVersionConfiguration : IEntityTypeConfiguration<RiskGuidanceVersion>
{
    /// <summary>How a guidance definition is written as JSON, in the database and in exports.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public void Configure(EntityTypeBuilder<RiskGuidanceVersion> builder)
    {
        builder.ToTable("GuidanceVersions");
        builder.Property(g => g.Notes).HasMaxLength(2000);
        builder.Property(g => g.PublishedByUserId).HasMaxLength(450);
        builder.Property(g => g.Definition)
            .HasColumnName("DefinitionJson")
            .HasConversion(
                d => JsonSerializer.Serialize(d, Json),
                s => JsonSerializer.Deserialize<GuidanceDefinition>(s, Json)!,
                new ValueComparer<GuidanceDefinition>(
                    (a, b) => ReferenceEquals(a, b),
                    d => d.GetHashCode(),
                    d => d));
        builder.HasIndex(g => g.Number).IsUnique();
    }
}
