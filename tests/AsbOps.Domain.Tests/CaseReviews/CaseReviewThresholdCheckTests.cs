using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.Tests.CaseReviews;

public sealed class CaseReviewThresholdCheckTests
{
    private static readonly DateTime Applied = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly CaseReviewThreshold Defaults = new();

    private static ThresholdReport Report(long id, string reported, string? behaviour = null, string? matter = "C1",
        string locality = "LE11", AsbCategory category = AsbCategory.Nuisance, string? reporter = null) =>
        new(id, $"R{id}", Utc(reported), behaviour is null ? null : Utc(behaviour), matter, locality, category, reporter ?? $"person{id}");

    private static DateTime Utc(string day) => DateTime.SpecifyKind(DateTime.Parse(day), DateTimeKind.Utc);

    private static ThresholdResult Check(params ThresholdReport[] reports) =>
        CaseReviewThresholdCheck.Evaluate(Defaults, Applied, "C1", "LE11", AsbCategory.Nuisance, reports);

    [Fact]
    public void ThreeTimelyReportsAboutTheMatterInSixMonthsMeetTheThreshold()
    {
        var result = Check(
            Report(1, "2026-07-01", matter: "C1", locality: "X"),
            Report(2, "2026-08-10", behaviour: "2026-08-01", locality: "X"),
            Report(3, "2026-09-20", behaviour: "2026-08-01", locality: "X"),
            Report(4, "2026-05-20", locality: "X"),
            Report(5, "2026-12-02", locality: "X"),
            Report(6, "2026-11-01", locality: "X"),
            Report(7, "2026-10-01", matter: "C2", locality: "X"));

        Assert.True(result.SameMatterMet);
        Assert.Equal(3, result.SameMatterCount);
        Assert.Equal([1L, 2L, 6L], result.Verdicts.Where(v => v.CountsForMatter).Select(v => v.Report.IncidentId).Order());
        Assert.Contains("Reported more than a month after the behaviour (1 Aug 2026; reported 50 days later)", Verdict(result, 3));
        Assert.Contains("before the 6-month window", Verdict(result, 4));
        Assert.Contains("after the application", Verdict(result, 5));
        Assert.Contains("different matter", Verdict(result, 7));
        Assert.False(result.LocalityMet);
    }

    [Fact]
    public void TwoTimelyReportsDoNotMeetIt()
    {
        var result = Check(
            Report(1, "2026-07-01", locality: "X"),
            Report(2, "2026-08-10", behaviour: "2026-08-01", locality: "X"),
            Report(3, "2026-09-20", behaviour: "2026-08-01", locality: "X"));

        Assert.False(result.Met);
        Assert.Equal(2, result.SameMatterCount);
    }

    [Fact]
    public void AReportMadeExactlyOneMonthAfterTheBehaviourAndOneOnTheWindowsFirstDayStillCount()
    {
        var result = Check(
            Report(1, "2026-06-01 10:00", locality: "X"),
            Report(2, "2026-09-01", behaviour: "2026-08-01", locality: "X"),
            Report(3, "2026-11-30", locality: "X"));

        Assert.Equal(new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc), result.WindowStart);
        Assert.True(result.SameMatterMet);
    }

    [Fact]
    public void FiveIndividualsReportingSimilarAsbInTheLocalityMeetTheThreshold()
    {
        var reports = new[]
        {
            Report(1, "2026-07-01", matter: null, reporter: "a"),
            Report(2, "2026-07-02", matter: null, reporter: "b"),
            Report(3, "2026-07-03", matter: null, reporter: "A"),
            Report(4, "2026-07-04", matter: null, reporter: "c"),
            Report(5, "2026-07-05", matter: null, reporter: "d"),
            Report(6, "2026-07-06", matter: null, reporter: "e", category: AsbCategory.Personal),
            Report(7, "2026-07-07", matter: null, reporter: "f", locality: "LE12"),
            Report(8, "2026-07-08", matter: null, reporter: ""),
            Report(9, "2026-07-09", matter: null, reporter: "g"),
        };

        var result = Check(reports);

        Assert.True(result.LocalityMet);
        Assert.Equal(5, result.IndividualsCount);
        Assert.Contains("same individual", Verdict(result, 3));
        Assert.Contains("different kind of ASB", Verdict(result, 6));
        Assert.Contains("another locality", Verdict(result, 7));
        Assert.Contains("No reporter recorded", Verdict(result, 8));

        Assert.False(Check(reports.Where(r => r.IncidentId != 9).ToArray()).Met);
    }

    [Fact]
    public void ALowerLocalThresholdIsHonoured()
    {
        var result = CaseReviewThresholdCheck.Evaluate(
            Defaults with { SameMatterReports = 2 }, Applied, "C1", "LE11", AsbCategory.Nuisance,
            [Report(1, "2026-07-01", locality: "X"), Report(2, "2026-08-01", locality: "X")]);

        Assert.True(result.Met);
    }

    [Fact]
    public void AReportLaterOnTheDayAMonthAfterTheBehaviourCountsButNotTheDayAfter()
    {
        var result = Check(
            Report(1, "2026-09-01 16:30", behaviour: "2026-08-01", locality: "X"),
            Report(2, "2026-09-02 08:00", behaviour: "2026-08-01", locality: "X"));

        Assert.True(result.Verdicts.Single(v => v.Report.IncidentId == 1).CountsForMatter);
        Assert.False(result.Verdicts.Single(v => v.Report.IncidentId == 2).CountsForMatter);
        Assert.Contains("more than a month after the behaviour", Verdict(result, 2));
    }

    [Fact]
    public void AReportOutsideTheLocalitySaysHowFarOffItIs()
    {
        var far = new ThresholdReport(1, "R1", Utc("2026-07-01"), null, null, "outside", AsbCategory.Nuisance, "a", "820 m away");

        Assert.Contains("In another locality (820 m away).", Verdict(Check(far), 1));
    }

    private static string Verdict(ThresholdResult result, long id) =>
        result.Verdicts.Single(v => v.Report.IncidentId == id).Explanation;
}
