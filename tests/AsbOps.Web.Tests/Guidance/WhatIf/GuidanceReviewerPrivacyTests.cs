using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AsbOps.Web.Security;

namespace AsbOps.Web.Tests.Guidance.WhatIf;

/// <summary>
/// A guidance reviewer (a partner member of the task-and-finish group) signs in over real HTTP and reads every page and
/// download open to them: no case reference, name, address or override rationale reaches them. An analyst reading the
/// same addresses does see them, which shows the scan finds what it looks for.
/// </summary>
public sealed partial class GuidanceReviewerPrivacyTests(WhatIfFixture app) : IClassFixture<WhatIfFixture>
{
    private static readonly string[] Personal = [WhatIfFixture.FirstName, WhatIfFixture.LastName, WhatIfFixture.Address, WhatIfFixture.Rationale];

    private string[] Addresses =>
    [
        "/home", "/metrics", "/metrics/what-if", "/alerts", "/aide-memoire", "/Account/Manage",
        "/metrics/workbook", "/metrics/workbook?from=2026-01-01&to=2026-03-31",
        $"/metrics/workbook?from=2026-02-01&to=2026-02-28&area={app.Area}&grain=week",
    ];

    [GeneratedRegex(@"ASB-\d{4}-\d{6}")]
    private static partial Regex CaseReference();

    [Fact]
    public async Task AGuidanceReviewerReadsNoCaseReferenceNameAddressOrFreeText()
    {
        await app.AddUserAsync("reviewer.privacy@test.local", Roles.GuidanceReviewer);
        using var client = await app.CreateSignedInClientAsync("reviewer.privacy@test.local");

        foreach (var address in Addresses)
        {
            var (status, text) = await ReadAsync(client, address);

            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{address} answered {(int)status}");
            Assert.False(CaseReference().IsMatch(text), $"{address} shows a case reference: {CaseReference().Match(text).Value}");
            foreach (var value in Personal)
            {
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{address} shows \"{value}\"");
            }
        }
    }

    [Fact]
    public async Task AGuidanceReviewerStartsOnTheMetricsAndMayNotOpenACase()
    {
        await app.AddUserAsync("reviewer.home@test.local", Roles.GuidanceReviewer);
        using var client = await app.CreateSignedInClientAsync("reviewer.home@test.local");

        using var home = await client.GetAsync("/home");
        using var metrics = await client.GetAsync("/metrics");
        using var cases = await client.GetAsync($"/cases/{app.Case2}");

        Assert.Equal("/metrics", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cases.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", cases.Headers.Location?.PathAndQuery ?? cases.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnAnalystReadingTheSameAddressesSeesTheOverridesCaseAndRationale()
    {
        await app.AddUserAsync("analyst.privacy@test.local", Roles.Analyst);
        using var client = await app.CreateSignedInClientAsync("analyst.privacy@test.local");

        var (_, page) = await ReadAsync(client, "/metrics");
        var (_, workbook) = await ReadAsync(client, "/metrics/workbook?from=2026-01-01&to=2026-03-31");

        Assert.Matches(CaseReference(), page);
        Assert.Contains(WhatIfFixture.Rationale, page);
        Assert.Matches(CaseReference(), workbook);
        Assert.Contains(WhatIfFixture.Rationale, workbook);
    }

    /// <summary>The body as text: HTML as it is, a workbook as the text of every part of its package.</summary>
    private static async Task<(HttpStatusCode Status, string Text)> ReadAsync(HttpClient client, string address)
    {
        using var response = await client.GetAsync(address);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var parts = new List<string>();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                parts.Add(await reader.ReadToEndAsync());
            }

            return (response.StatusCode, string.Join("\n", parts));
        }

        return (response.StatusCode, System.Text.Encoding.UTF8.GetString(bytes) + "\n" + response.Headers.Location);
    }
}
