using AsbOps.Domain.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsbOps.Web.Data.Configurations;

public sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> builder)
    {
        builder.Property(a => a.QuestionKey).HasMaxLength(40);
        builder.Property(a => a.Value).HasMaxLength(40);
        builder.Property(a => a.Explanation).HasMaxLength(AssessmentAnswer.ExplanationMaxLength);
        builder.HasIndex(a => new { a.AssessmentId, a.QuestionKey }).IsUnique();
        builder.HasIndex(a => new { a.QuestionKey, a.Value });
    }
}
