using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Cases;

/// <summary><see cref="CaseListPooledReadChecks"/> on SQLite.</summary>
public sealed class CaseListPooledReadTests(AsbOpsAppFactory app) : CaseListPooledReadChecks(app), IClassFixture<AsbOpsAppFactory>;
