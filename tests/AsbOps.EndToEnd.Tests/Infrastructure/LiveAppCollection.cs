namespace AsbOps.EndToEnd.Tests.Infrastructure;

/// <summary>One app and one browser for all end-to-end tests; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveAppFixture>
{
    public const string Name = "live app";
}
