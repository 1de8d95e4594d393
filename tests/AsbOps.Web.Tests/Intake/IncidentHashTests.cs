using System.Security.Cryptography;
using System.Text.Json;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Intake.Api;

namespace AsbOps.Web.Tests.Intake;

/// <summary>
/// The idempotency hash is serialised by generated code; its bytes must be those of the reflection serialiser it
/// replaced (<c>JsonSerializer.SerializeToUtf8Bytes(submission)</c>), or every incident stored before would answer a
/// replay of itself with a conflict.
/// </summary>
public sealed class IncidentHashTests
{
    public static TheoryData<string> Cases => [.. Submissions.Keys];

    private static readonly Dictionary<string, IncidentSubmission> Submissions = new(StringComparer.Ordinal)
    {
        ["every field"] = new("CR/2026-0001", new DateTime(2026, 11, 25, 14, 3, 0, DateTimeKind.Utc).AddTicks(1234567), AsbCategory.Personal,
            "BLABY", "12 Example Road, Loughborough", "LE11 1AA", 52.77, -1.2, "Youths kicking door\nshouting\tabuse",
            new ThriveSubmission("Verbal threats", "Distress", "Likely to recur", "CCTV", "Lives alone", "Call back", ThriveGrade.Priority),
            "A Person", "+44 (0)7000 000000"),
        ["optional fields missing"] = new("abc", new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), AsbCategory.Environmental,
            "X", "1 Road", "LE1 1AA", null, null, "Fly-tipping",
            new ThriveSubmission(null, null, null, null, null, null, ThriveGrade.Resolution), null, null),
        ["text the encoder escapes"] = new("Q-9", new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc), AsbCategory.Nuisance,
            "ÅREA", "Flat 2 <b>\"Rose\" & Co's</b>", "SW1A 1AA", -89.999999, 179.0000001, "Émile said \u00e9\u00e8 \U0001F600 \\ / \u2028 end",
            new ThriveSubmission("It's <script>", null, "ÆØÅ", null, null, "\r\n", ThriveGrade.Emergency), "Zoë O'Brien", null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheHashIsThatOfTheReflectionSerialisersBytes(string name)
    {
        var submission = Submissions[name];
        var reflected = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission)));

        Assert.Equal(reflected, IncidentStore.Hash(submission));
    }
}
