namespace AsbOps.Domain.Risk;

/// <summary>The band rules of <see cref="GuidanceValidator"/>: ordered, no overlap, no gap, from 0 to every matrix's maximum.</summary>
internal static class GuidanceBandRules
{
    public static void Check(IReadOnlyList<ScoreBand>? bands, IReadOnlyList<MatrixDefinition> matrices, List<GuidanceError> errors)
    {
        if (bands is null || bands.Count == 0)
        {
            errors.Add(new("bands", "There are no score bands; give at least one, starting at 0."));
            return;
        }

        ScoreBand? previous = null;
        for (var b = 0; b < bands.Count; b++)
        {
            var path = $"bands[{b}]";
            if (bands[b] is not { } band)
            {
                errors.Add(new(path, $"Band {b + 1} is empty."));
                return;
            }

            if (band.Level is not (RiskLevel.Low or RiskLevel.Medium or RiskLevel.High))
            {
                errors.Add(new($"{path}.level", $"Band {b + 1} must be low, medium or high."));
            }

            if (band.MaxScore is { } max && max < band.MinScore)
            {
                errors.Add(new($"{path}.maxScore", $"Band {b + 1} ends at {max}, before it starts at {band.MinScore}."));
            }

            if (previous is null)
            {
                if (band.MinScore != 0)
                {
                    errors.Add(new($"{path}.minScore", $"The first band starts at {band.MinScore}; it must start at 0 so that every score has a level."));
                }
            }
            else
            {
                CheckFollows(previous, band, b, path, errors);
            }

            previous = band;
        }

        var last = bands[^1];
        if (last?.MaxScore is { } top)
        {
            foreach (var matrix in matrices)
            {
                var maximum = GuidanceValidator.MaximumScore(matrix);
                if (maximum > top)
                {
                    errors.Add(new($"bands[{bands.Count - 1}].maxScore",
                        $"The bands end at {top}, but the {matrix.Kind} matrix can score up to {maximum}; extend the last band or leave its end open."));
                }
            }
        }
    }

    private static void CheckFollows(ScoreBand previous, ScoreBand band, int index, string path, List<GuidanceError> errors)
    {
        if (previous.MaxScore is not { } previousMax)
        {
            errors.Add(new($"bands[{index - 1}].maxScore", $"Band {index} is open-ended but is not the last band; only the last band may have no end."));
            return;
        }

        if (band.MinScore <= previousMax)
        {
            errors.Add(new($"{path}.minScore",
                $"Band {index + 1} starts at {band.MinScore}, which overlaps band {index} ({previous.MinScore}–{previousMax}); bands must be in score order without overlap."));
        }
        else if (band.MinScore > previousMax + 1)
        {
            var gap = band.MinScore - 1 == previousMax + 1 ? $"{previousMax + 1}" : $"{previousMax + 1}–{band.MinScore - 1}";
            errors.Add(new($"{path}.minScore",
                $"No band covers the score {gap}: band {index} ends at {previousMax} and band {index + 1} starts at {band.MinScore}."));
        }

        if (band.Level <= previous.Level && band.Level != RiskLevel.NotAssessed)
        {
            errors.Add(new($"{path}.level", $"Band {index + 1} ({band.Level}) must be a higher level than band {index} ({previous.Level})."));
        }
    }
}
