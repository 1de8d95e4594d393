using System.Globalization;
using System.Text.Json.Nodes;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data.Seeding;

namespace AsbOps.Web.Features.Intake.Simulator;

/// <summary>Realistic control-room incidents for the demo feed, written from the demo force's fictional places and texts.</summary>
public sealed class SimulatedIncidents(Random random)
{
    private static readonly string[] Grades = ["emergency", "priority", "priority", "scheduled", "scheduled", "resolution"];

    public JsonObject Next(DateTime now, int sequence, IReadOnlyList<string> areaCodes)
    {
        var code = random.Pick(areaCodes);
        var place = DemoPlaces.Areas.FirstOrDefault(a => a.Code == code) ?? random.Pick(DemoPlaces.Areas);
        var category = (AsbCategory)random.Next(1, 4);
        var home = DemoPlaces.Home(random, place);
        var street = DemoPlaces.Street(random);
        var where = category == AsbCategory.Environmental ? DemoPlaces.PublicPlace(random, place) : home;
        var thrive = DemoIncidentTexts.Thrive(random, category, caseManaged: random.Chance(0.5));
        var stormRef = string.Create(CultureInfo.InvariantCulture, $"SIM-{now:yyyyMMdd-HHmmss}-{sequence:D4}");

        return new JsonObject
        {
            ["stormRef"] = stormRef,
            ["receivedAt"] = now.AddSeconds(-random.Next(5, 240)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["category"] = category.ToString().ToLowerInvariant(),
            ["areaCode"] = code,
            ["location"] = new JsonObject { ["address"] = where.Line, ["postcode"] = where.Postcode },
            ["description"] = DemoIncidentTexts.Description(random, category, home.Line, street, where.Line),
            ["thrive"] = new JsonObject
            {
                ["threat"] = thrive.Threat,
                ["harm"] = thrive.Harm,
                ["risk"] = thrive.Risk,
                ["investigation"] = thrive.Investigation,
                ["vulnerability"] = thrive.Vulnerability,
                ["engagement"] = thrive.Engagement,
                ["grade"] = random.Pick(Grades),
            },
            ["reporter"] = new JsonObject
            {
                ["name"] = $"{DemoNames.FirstName(random)} {DemoNames.LastName(random)}",
                ["phone"] = DemoNames.Phone(random),
            },
        };
    }
}
