using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>The API app with, besides the control room and wallboard, a partner system allowed to send case review applications.</summary>
public sealed class CaseReviewApiFactory : ApiAppFactory
{
    public const string PartnerKey = "test-casereviews-key";
    public const string Area = "CRAPI";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["ApiClients:3:Name"] = "council-portal",
        ["ApiClients:3:Key"] = PartnerKey,
        ["ApiClients:3:Scopes:0"] = "casereviews:write",
        ["ApiClients:3:RequestsPerMinute"] = "600000",
    };

    /// <summary>A valid application; tests change one field at a time.</summary>
    public static JsonObject Application(string applicantReference, params string[] reports) => new()
    {
        ["applicantReference"] = applicantReference,
        ["areaCode"] = Area,
        ["applicantKind"] = "thirdParty",
        ["applicantName"] = "Cllr Jo Example",
        ["onBehalfOf"] = "Mrs A Victim",
        ["receivedVia"] = "onlineForm",
        ["receivedAt"] = DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["contactEmail"] = "jo.example@council.test",
        ["category"] = "personal",
        ["postcode"] = "LE11 1AA",
        ["account"] = "Repeated shouting and door kicking at 12 Example Road since the summer.",
        ["reports"] = new JsonArray(reports.Select(r => (JsonNode)r).ToArray()),
    };

    public static Task<HttpResponseMessage> PostApplicationAsync(HttpClient client, JsonNode body) =>
        client.PostAsync("/api/v1/case-reviews", JsonContent.Create(body));
}
