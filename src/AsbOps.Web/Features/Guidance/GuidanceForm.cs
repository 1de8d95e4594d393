using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance;

/// <summary>
/// The editable copy of a guidance definition behind the publishing form. The domain records are immutable; the form
/// edits these classes in place and turns them back into a <see cref="GuidanceDefinition"/> to validate and publish.
/// Matrices keep the order of the definition, so the validator's paths (<c>matrices[0].questions[2]…</c>) point at them.
/// </summary>
public sealed class GuidanceForm
{
    public List<MatrixForm> Matrices { get; } = [];

    public List<BandForm> Bands { get; } = [];

    public static GuidanceForm From(GuidanceDefinition definition)
    {
        var form = new GuidanceForm();
        form.Matrices.AddRange((definition.Matrices ?? []).Where(m => m is not null).Select(MatrixForm.From));
        form.Bands.AddRange((definition.Bands ?? []).Where(b => b is not null)
            .Select(b => new BandForm { Level = b.Level, MinScore = b.MinScore, MaxScore = b.MaxScore }));
        return form;
    }

    public GuidanceDefinition ToDefinition() => new(
        [.. Matrices.Select(m => m.ToDefinition())],
        [.. Bands.Select(b => new ScoreBand(b.Level, b.MinScore, b.MaxScore))]);

    /// <summary>A new band after the last one: it starts where the last one ends, and the last one stops being open.</summary>
    public void AddBand()
    {
        if (Bands.Count == 0)
        {
            Bands.Add(new BandForm { Level = RiskLevel.Low, MinScore = 0 });
            return;
        }

        var last = Bands[^1];
        last.MaxScore ??= last.MinScore;
        Bands.Add(new BandForm { Level = last.Level < RiskLevel.High ? last.Level + 1 : RiskLevel.High, MinScore = last.MaxScore.Value + 1 });
    }
}

/// <summary>A score band as edited: scores from <see cref="MinScore"/> to <see cref="MaxScore"/>, empty end = "or more".</summary>
public sealed class BandForm
{
    public RiskLevel Level { get; set; } = RiskLevel.Low;

    public int MinScore { get; set; }

    public int? MaxScore { get; set; }
}
