using System.Text.Json;
using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// Keeps <see cref="AsbCase.SearchText"/> (the reference and the people's search names the case list searches) right:
/// works it out again in the database, with one UPDATE, for the cases whose people a save changed, a range of cases
/// just loaded, or every case whose stored text differs. In SQL rather than LINQ: EF Core translates neither an
/// ordered string aggregate over a correlated subquery nor one over a group inside an UPDATE's SET.
/// </summary>
public static class CaseSearchTextRefresh
{
    /// <summary>The text of the case row <c>"Cases"</c>, in the provider's SQL.</summary>
    public static string Expression(bool postgres) => postgres
        ? """
          "Cases"."Reference" || COALESCE((
              SELECT string_agg('|' || pe."SearchName", '' ORDER BY p."Id") FROM "CaseParticipants" AS p
              JOIN "People" AS pe ON pe."Id" = p."PersonId"
              WHERE p."CaseId" = "Cases"."Id"), '')
          """
        : """
          "Cases"."Reference" || COALESCE((
              SELECT group_concat(n."Name", '') FROM (
                  SELECT '|' || pe."SearchName" AS "Name" FROM "CaseParticipants" AS p
                  JOIN "People" AS pe ON pe."Id" = p."PersonId"
                  WHERE p."CaseId" = "Cases"."Id" ORDER BY p."Id") AS n), '')
          """;

    /// <summary>The cases of <paramref name="caseIds"/>.</summary>
    public static Task<int> RefreshAsync(AsbOpsDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken = default)
    {
        var (sql, key) = ForKeys(db, caseIds);
        return db.Database.ExecuteSqlRawAsync(sql, [key], cancellationToken);
    }

    public static int Refresh(AsbOpsDbContext db, IReadOnlyCollection<long> caseIds)
    {
        var (sql, key) = ForKeys(db, caseIds);
        return db.Database.ExecuteSqlRaw(sql, key);
    }

    /// <summary>The cases with keys from <paramref name="first"/> to <paramref name="last"/> (a batch just written).</summary>
    public static Task<int> RefreshRangeAsync(AsbOpsDbContext db, long first, long last, CancellationToken cancellationToken = default)
    {
        var sql = Update(db.Database.IsNpgsql(), "\"Id\" BETWEEN {0} AND {1}");
        return db.Database.ExecuteSqlRawAsync(sql, [first, last], cancellationToken);
    }

    /// <summary>The statement that works out every case's text, with no test of which differ (after a bulk load all do).</summary>
    public static string UpdateAll(bool postgres) => $"""UPDATE "Cases" SET "SearchText" = {Expression(postgres)}""";

    /// <summary>
    /// Every case's text, worked out once each: after a bulk load, where testing which differ would work out each
    /// text twice only to find that all do.
    /// </summary>
    public static Task<int> RefreshAllAsync(AsbOpsDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(UpdateAll(db.Database.IsNpgsql()), cancellationToken);

    /// <summary>
    /// Every case (or every open case) whose stored text differs from what its rows give; returns how many. Only a
    /// write past the context (a bulk load with the refresh deferred, a fix by hand) leaves one wrong.
    /// </summary>
    public static Task<int> RefreshStaleAsync(AsbOpsDbContext db, bool openOnly, CancellationToken cancellationToken = default)
    {
        var postgres = db.Database.IsNpgsql();
        var open = openOnly ? """ AND "Status" IN ('Open', 'UnderReview')""" : "";
        var sql = Update(postgres, $"\"SearchText\" <> {Expression(postgres)}{open}");
        return db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }

    /// <summary>PostgreSQL takes the keys as an array; SQLite as a JSON array read by <c>json_each</c>.</summary>
    private static (string Sql, object Key) ForKeys(AsbOpsDbContext db, IReadOnlyCollection<long> caseIds)
    {
        var postgres = db.Database.IsNpgsql();
        var where = postgres ? "\"Id\" = ANY({0})" : "\"Id\" IN (SELECT value FROM json_each({0}))";
        object key = postgres ? caseIds.ToArray() : JsonSerializer.Serialize(caseIds);
        return (Update(postgres, where), key);
    }

    private static string Update(bool postgres, string where) => $"""UPDATE "Cases" SET "SearchText" = {Expression(postgres)} WHERE {where}""";
}
