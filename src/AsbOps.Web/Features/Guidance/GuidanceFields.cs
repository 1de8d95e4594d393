using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;

namespace AsbOps.Web.Features.Guidance;

/// <summary>
/// Finds the form field a validator path names (<c>bands[1].minScore</c>,
/// <c>matrices[0].questions[2].options[1].score</c>), so each error sits in its own input through the EditContext.
/// A path that names a block (a matrix, a question, the bands) has no field: the block shows it.
/// </summary>
public static partial class GuidanceFields
{
    public static FieldIdentifier? Find(GuidanceForm form, string path)
    {
        if (BandPath().Match(path) is { Success: true } band)
        {
            return At(form.Bands, band.Groups["b"].Value) is { } b ? Field(b, band.Groups["field"].Value) : null;
        }

        if (MatrixPath().Match(path) is not { Success: true } match || At(form.Matrices, match.Groups["m"].Value) is not { } matrix)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        if (rest == "title")
        {
            return Field(matrix, rest);
        }

        if (QuestionPath().Match(rest) is { Success: true } q && At(matrix.Questions, q.Groups["q"].Value) is { } question)
        {
            if (q.Groups["o"].Success)
            {
                // An error about the option as a whole shows on its value, the field that identifies it.
                return At(question.Options, q.Groups["o"].Value) is { } option
                    ? Field(option, q.Groups["field"].Success ? q.Groups["field"].Value : "value")
                    : null;
            }

            return q.Groups["field"].Success ? Field(question, q.Groups["field"].Value) : null;
        }

        if (RulePath().Match(rest) is { Success: true } r && At(matrix.Rules, r.Groups["r"].Value) is { } rule)
        {
            var field = r.Groups["field"].Value;
            if (r.Groups["c"].Success)
            {
                return field is "questionKey" or "value" && At(rule.AllOf, r.Groups["c"].Value) is { } condition ? Field(condition, field) : null;
            }

            return field is "description" or "floor" ? Field(rule, field) : null;
        }

        return null;
    }

    private static T? At<T>(List<T> list, string index)
        where T : class =>
        int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count ? list[i] : null;

    /// <summary>The validator names fields in camel case; the form's properties are the same names in Pascal case.</summary>
    private static FieldIdentifier Field(object model, string name) =>
        new(model, string.Concat(char.ToUpperInvariant(name[0]).ToString(), name[1..]));

    [GeneratedRegex(@"^bands\[(?<b>\d+)\]\.(?<field>minScore|maxScore|level)$")]
    private static partial Regex BandPath();

    [GeneratedRegex(@"^matrices\[(?<m>\d+)\]\.(?<rest>.+)$")]
    private static partial Regex MatrixPath();

    [GeneratedRegex(@"^questions\[(?<q>\d+)\](?:\.options\[(?<o>\d+)\](?:\.(?<field>value|label|score))?|\.(?<field>text|key|type))$")]
    private static partial Regex QuestionPath();

    [GeneratedRegex(@"^rules\[(?<r>\d+)\](?:\.allOf\[(?<c>\d+)\])?\.(?<field>description|floor|questionKey|value)$")]
    private static partial Regex RulePath();
}
