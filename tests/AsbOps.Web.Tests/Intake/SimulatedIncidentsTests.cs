using System.Text.Json;
using AsbOps.Web.Features.Intake.Api;
using AsbOps.Web.Features.Intake.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Intake;

public sealed class SimulatedIncidentsTests
{
    [Fact]
    public void EverySimulatedIncidentPassesTheApisOwnValidation()
    {
        var now = new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);
        var reader = new IncidentRequestReader(new FakeTimeProvider(now));
        var incidents = new SimulatedIncidents(new Random(7));
        string[] codes = ["CHARNWOOD", "MELTON", "CITY"];
        var known = codes.ToHashSet();

        for (var i = 0; i < 300; i++)
        {
            using var document = JsonDocument.Parse(incidents.Next(now, i, codes).ToJsonString());

            var (submission, errors) = reader.Read(document.RootElement, known);

            Assert.True(submission is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
            Assert.Contains(submission.AreaCode, known);
        }
    }

    [Fact]
    public void SimulatedStormReferencesAreUniqueWithinARun()
    {
        var now = new DateTime(2026, 11, 25, 14, 0, 0, DateTimeKind.Utc);
        var incidents = new SimulatedIncidents(new Random(1));

        var refs = Enumerable.Range(0, 500).Select(i => (string)incidents.Next(now, i, ["CITY"])["stormRef"]!).ToList();

        Assert.Equal(refs.Count, refs.Distinct().Count());
    }
}
