namespace AsbOps.Web.Data;

public static class DatabaseStartupExtensions
{
    /// <summary>Migrates and seeds before the app takes requests.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken: app.Lifetime.ApplicationStopping);
    }
}
