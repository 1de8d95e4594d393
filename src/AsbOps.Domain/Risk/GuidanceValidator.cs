namespace AsbOps.Domain.Risk;

/// <summary>
/// Checks a risk guidance definition before it is published: three matrices, well-formed questions and options,
/// bands that cover every score each matrix can produce, and floor rules that point at real answers.
/// </summary>
public static class GuidanceValidator
{
    private static readonly AssessmentKind[] RequiredKinds = [AssessmentKind.Victim, AssessmentKind.Perpetrator, AssessmentKind.Location];

    public static IReadOnlyList<GuidanceError> Validate(GuidanceDefinition? definition)
    {
        var errors = new List<GuidanceError>();
        if (definition is null)
        {
            errors.Add(new("$", "The guidance is empty."));
            return errors;
        }

        var matrices = definition.Matrices ?? [];
        CheckMatrixKinds(matrices, errors);
        for (var m = 0; m < matrices.Count; m++)
        {
            if (matrices[m] is { } matrix)
            {
                GuidanceMatrixRules.Check(matrix, $"matrices[{m}]", errors);
            }
            else
            {
                errors.Add(new($"matrices[{m}]", "A matrix is empty."));
            }
        }

        GuidanceBandRules.Check(definition.Bands, matrices.Where(m => m?.Questions is not null).ToList(), errors);
        return errors;
    }

    private static void CheckMatrixKinds(IReadOnlyList<MatrixDefinition> matrices, List<GuidanceError> errors)
    {
        for (var m = 0; m < matrices.Count; m++)
        {
            if (matrices[m] is { } matrix && !RequiredKinds.Contains(matrix.Kind))
            {
                errors.Add(new($"matrices[{m}].kind", $"'{matrix.Kind}' is not a matrix kind; use victim, perpetrator or location."));
            }
        }

        foreach (var kind in RequiredKinds)
        {
            var count = matrices.Count(m => m?.Kind == kind);
            if (count == 0)
            {
                errors.Add(new("matrices", $"The {kind.ToString().ToLowerInvariant()} matrix is missing; the guidance needs victim, perpetrator and location matrices."));
            }
            else if (count > 1)
            {
                errors.Add(new("matrices", $"There are {count} {kind.ToString().ToLowerInvariant()} matrices; there must be exactly one."));
            }
        }
    }

    /// <summary>The highest score a matrix can reach: the best-scoring option of every question, added up.</summary>
    public static int MaximumScore(MatrixDefinition matrix) =>
        (matrix.Questions ?? []).Where(q => q?.Options is { Count: > 0 })
            .Sum(q => Math.Max(0, q.Options.Where(o => o is not null).Select(o => o.Score).DefaultIfEmpty(0).Max()));
}
