using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Guidance;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;

namespace AsbOps.Web.Tests.Guidance;

public sealed class GuidanceEditorTests : BunitTestBase
{
    [Fact]
    public void AValidStartingPointShowsThePreviewAndNoErrors()
    {
        var editor = Render<GuidanceEditor>(p => p
            .Add(e => e.BasedOnNumber, 1)
            .Add(e => e.InitialJson, GuidanceJson.Write(RiskGuidanceV1.Definition)));

        Assert.Single(editor.FindAll("[data-testid='guidance-valid']"));
        Assert.Empty(editor.FindAll("[data-testid='guidance-error']"));
        Assert.Equal(3, editor.FindAll("[data-testid='guidance-matrix']").Count);
    }

    [Fact]
    public void ABandGapShowsASpecificErrorWithItsPathAndDisablesPublishing()
    {
        var gap = RiskGuidanceV1.Definition with
        {
            Bands = [new(RiskLevel.Low, 0, 5), new(RiskLevel.Medium, 7, 10), new(RiskLevel.High, 11, null)],
        };

        var editor = Render<GuidanceEditor>(p => p
            .Add(e => e.BasedOnNumber, 1)
            .Add(e => e.InitialJson, GuidanceJson.Write(gap)));

        var error = editor.Find("[data-testid='guidance-error']");
        Assert.Equal("bands[1].minScore", error.GetAttribute("data-path"));
        Assert.Contains("No band covers the score 6", error.TextContent);
        Assert.True(editor.Find("[data-testid='guidance-publish-submit']").HasAttribute("disabled"));
        Assert.Empty(editor.FindAll("[data-testid='guidance-matrix']"));
    }

    [Fact]
    public void ErrorsTheServerReturnsAreShownInTheList()
    {
        var editor = Render<GuidanceEditor>(p => p
            .Add(e => e.BasedOnNumber, 1)
            .Add(e => e.InitialJson, GuidanceJson.Write(RiskGuidanceV1.Definition))
            .Add(e => e.ServerErrors, [new GuidanceError("version", "Version 2 was published by someone else while you were editing.")]));

        Assert.Contains("published by someone else", editor.Find("[data-testid='guidance-error']").TextContent);
    }
}
