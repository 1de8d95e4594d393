using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Postgres;

// The test apps of the SQLite tests, each on a PostgreSQL database of its own (dropped when the class is done).

public sealed class PostgresAppFactory : AsbOpsAppFactory
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresApiAppFactory : ApiAppFactory
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresComplianceFixture : ComplianceFixture
{
    protected override bool OnPostgres => true;
}

/// <summary>The demo force in Development (with the demo logins) loaded once into PostgreSQL.</summary>
public sealed class PostgresDemoForceAppFactory() : DemoForceAppFactory("Development", new DemoOptions().Seed, Today), IAsyncLifetime
{
    public DemoForceResult Result { get; private set; } = new(0, 0, 0);

    protected override bool OnPostgres => true;

    public async Task InitializeAsync() => Result = await GenerateAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The PostgreSQL test classes run one after another: each starts an app and a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
