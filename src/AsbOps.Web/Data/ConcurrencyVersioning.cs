using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AsbOps.Web.Data;

/// <summary>
/// App-managed optimistic concurrency: every entity with an <c>int Version</c> concurrency token gets it bumped
/// on each update, so a second writer holding the old value fails with <see cref="DbUpdateConcurrencyException"/>.
/// (SQLite has no row version; <c>[Timestamp]</c> does nothing there.)
/// </summary>
public static class ConcurrencyVersioning
{
    public const string PropertyName = "Version";

    public static void BumpVersions(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            var version = entry.Metadata.FindProperty(PropertyName);
            if (version is null || version.ClrType != typeof(int) || !version.IsConcurrencyToken)
            {
                continue;
            }

            var property = entry.Property(PropertyName);
            property.CurrentValue = (int)property.OriginalValue! + 1;
        }
    }
}
