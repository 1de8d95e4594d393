using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Cases;

/// <summary><see cref="CaseSearchTextChecks"/> on the real SQLite file.</summary>
public sealed class CaseSearchTextTests(AsbOpsAppFactory app) : CaseSearchTextChecks(app), IClassFixture<AsbOpsAppFactory>;
