using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Security;

public sealed class AppOptionsTests
{
    private static AppOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddAsbOpsAppOptions(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AppOptions>>().Value;
    }

    [Fact]
    public void AppBaseUrlWinsOverTheOlderEmailBaseUrl()
    {
        var options = Resolve(("App:BaseUrl", "https://asbops.force.test/"), ("Email:BaseUrl", "https://old.force.test"));

        Assert.Equal("https://asbops.force.test/cases/ASB-1", options.CaseLink("ASB-1"));
        Assert.True(options.BaseUrlConfigured);
    }

    [Fact]
    public void EmailBaseUrlStillWorksWhenAppBaseUrlIsNotSet()
    {
        var options = Resolve(("Email:BaseUrl", "https://old.force.test"));

        Assert.Equal("https://old.force.test/cases/ASB-1", options.CaseLink("ASB-1"));
        Assert.True(options.BaseUrlConfigured);
    }

    [Fact]
    public void WithNeitherSetLinksUseTheLaunchProfileAddress()
    {
        var options = Resolve();

        Assert.Equal("http://localhost:5000/cases/ASB-1", options.CaseLink("ASB-1"));
        Assert.False(options.BaseUrlConfigured);
    }

    [Theory]
    [InlineData("asbops.force.test")]
    [InlineData("ftp://asbops.force.test")]
    [InlineData("/relative")]
    [InlineData("https://asbops.force.test/?x=1")]
    public void AnAddressThatIsNotAbsoluteHttpIsRefused(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("App:BaseUrl", value)));

        Assert.Contains("App:BaseUrl must be an absolute http or https address", error.Message);
    }
}
