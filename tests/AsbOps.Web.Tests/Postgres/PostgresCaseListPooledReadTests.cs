using AsbOps.Web.Tests.Cases;

namespace AsbOps.Web.Tests.Postgres;

/// <summary><see cref="CaseListPooledReadChecks"/> on PostgreSQL: the pool over its context, the ids as one array parameter.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseListPooledReadTests(PostgresAppFactory app) : CaseListPooledReadChecks(app), IClassFixture<PostgresAppFactory>;
