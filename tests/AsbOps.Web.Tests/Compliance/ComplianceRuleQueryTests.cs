using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Tests.Compliance;

public sealed class ComplianceRuleQueryTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    public static TheoryData<ComplianceRule> Rules => new(Enum.GetValues<ComplianceRule>());

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task EachRuleFindsExactlyTheOneCaseThatBreaksIt(ComplianceRule rule)
    {
        var findings = await fixture.CreateQueries().FindingsAsync(rule, fixture.AreaA, cap: 50);

        Assert.Equal([fixture.BreakingCase[rule]], findings.Select(f => f.CaseRef));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task EachRuleCountsOneCaseInTheAreaExceptUnknownAnswersWhichCountsAnswers(ComplianceRule rule)
    {
        var counts = await fixture.CreateQueries().CountAsync(fixture.AreaA);

        Assert.Equal(rule == ComplianceRule.UnknownAnswer ? 2 : 1, counts.Total[rule]);
    }

    [Fact]
    public async Task TheHeadlineCountsCasesMissingAnAssessmentOnceEach()
    {
        var counts = await fixture.CreateQueries().CountAsync(areaId: null);

        var areaA = counts.Areas.Single(a => a.AreaCode == "CMPA");
        var areaB = counts.Areas.Single(a => a.AreaCode == "CMPB");
        Assert.Equal(3, areaA.MissingAssessments);
        Assert.Equal(1, areaB.MissingAssessments);
        Assert.Equal(1, areaB[ComplianceRule.VictimWithoutAssessment]);
        Assert.Equal(1, areaB[ComplianceRule.PerpetratorWithoutAssessment]);
        Assert.Equal(4, counts.Total.MissingAssessments);
    }

    [Fact]
    public async Task OpenAndHighRiskCountsLeaveOutTheClosedCase()
    {
        var counts = await fixture.CreateQueries().CountAsync(fixture.AreaA);

        Assert.Equal(12, counts.Total.OpenCases);
        Assert.Equal(3, counts.Total.HighRiskCases);
        Assert.Equal(2, counts.Total.UnknownAnswers);
        Assert.Equal(1, counts.Total.OverdueReviews);
    }

    [Fact]
    public async Task AnAreaScopeSeesOnlyItsOwnCases()
    {
        var counts = await fixture.CreateQueries().CountAsync(fixture.AreaB);

        Assert.Equal("CMPB", Assert.Single(counts.Areas).AreaCode);
        Assert.Equal(1, counts.Total.OpenCases);
        Assert.Equal(0, counts.Total[ComplianceRule.ReviewOverdue]);
        var findings = await fixture.CreateQueries().FindingsAsync(ComplianceRule.VictimWithoutAssessment, fixture.AreaB, 50);
        Assert.Equal(["ASB-2026-000101"], findings.Select(f => f.CaseRef));
    }

    [Fact]
    public async Task AFindingNamesTheLeadOfficerTheAgeAndWhatIsMissing()
    {
        var finding = Assert.Single(await fixture.CreateQueries().FindingsAsync(ComplianceRule.VictimWithoutAssessment, fixture.AreaA, 50));

        Assert.Equal("CMPA", finding.AreaCode);
        Assert.Equal("PC Lead", finding.LeadOfficer);
        Assert.Equal(2, finding.AgeDays);
        Assert.Equal("1 victim has no completed risk assessment", finding.Missing);
    }

    [Fact]
    public async Task TheHighRiskFindingSaysTheActionPlanIsMissingButNotTheMarker()
    {
        var finding = Assert.Single(await fixture.CreateQueries().FindingsAsync(ComplianceRule.HighRiskWithoutPlanOrMarker, fixture.AreaA, 50));

        Assert.Equal("No action plan", finding.Missing);
    }

    [Fact]
    public async Task FindingsAreCappedOldestFirst()
    {
        var findings = await fixture.CreateQueries().FindingsAsync(ComplianceRule.VictimWithoutAssessment, areaId: null, cap: 1);

        Assert.Equal(["ASB-2026-000001"], findings.Select(f => f.CaseRef));
    }
}
