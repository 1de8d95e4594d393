using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>The app with three machine clients: the control room, a wallboard, and a client with a tiny rate.</summary>
public class ApiAppFactory : AsbOpsAppFactory
{
    public const string StormKey = "test-storm-key";
    public const string WallboardKey = "test-wallboard-key";
    public const string SlowKey = "test-slow-key";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ApiClients:0:Name"] = "storm",
        ["ApiClients:0:Key"] = StormKey,
        ["ApiClients:0:Scopes:0"] = "incidents:write",
        ["ApiClients:0:Scopes:1"] = "markers:read",
        ["ApiClients:0:RequestsPerMinute"] = "600000",
        ["ApiClients:1:Name"] = "wallboard",
        // The SHA-256 of "test-wallboard-key": a deployment stores only the hash.
        ["ApiClients:1:KeySha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("test-wallboard-key"u8.ToArray())),
        ["ApiClients:1:Scopes:0"] = "ops:read",
        ["ApiClients:2:Name"] = "slow",
        ["ApiClients:2:Key"] = SlowKey,
        ["ApiClients:2:Scopes:0"] = "incidents:write",
        ["ApiClients:2:RequestsPerMinute"] = "6",
    };

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false, BaseAddress = ClientAddress });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A valid incident body; tests change one field at a time.</summary>
    public static JsonObject Incident(string stormRef, string areaCode = "APIAREA") => new()
    {
        ["stormRef"] = stormRef,
        ["receivedAt"] = DateTime.UtcNow.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["category"] = "personal",
        ["areaCode"] = areaCode,
        ["location"] = new JsonObject
        {
            ["address"] = "12 Example Road, Loughborough",
            ["postcode"] = "LE11 1AA",
            ["lat"] = 52.77,
            ["lon"] = -1.20,
        },
        ["description"] = "Youths kicking door, shouting abuse at occupant",
        ["thrive"] = new JsonObject
        {
            ["threat"] = "Verbal threats",
            ["harm"] = "Occupant distressed",
            ["risk"] = "Likely to recur",
            ["investigation"] = "CCTV on street",
            ["vulnerability"] = "Occupant is elderly",
            ["engagement"] = "Willing to engage",
            ["grade"] = "priority",
        },
        ["reporter"] = new JsonObject { ["name"] = "A Person", ["phone"] = "07000 000000" },
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, string path = "/api/v1/incidents") =>
        client.PostAsync(path, JsonContent.Create(body));
}
