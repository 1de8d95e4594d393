using AsbOps.Web.Tests.Cases;

namespace AsbOps.Web.Tests.Postgres;

/// <summary><see cref="CaseSearchTextChecks"/> on PostgreSQL: the trigram-indexed text kept by PostgreSQL's own SQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseSearchTextTests(PostgresAppFactory app) : CaseSearchTextChecks(app), IClassFixture<PostgresAppFactory>;
