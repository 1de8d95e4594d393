namespace AsbOps.Web.Features.Account;

public static class AdministratorStartupCheck
{
    /// <summary>Says once at start-up, as a warning, how to create an administrator when none can sign in.</summary>
    public static async Task WarnIfNoAdministratorAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().NoneCanSignInAsync())
        {
            app.Services.GetRequiredService<ILogger<FirstAdministrator>>().LogWarning(
                "No administrator can sign in. Create one with: {Command} (from a source checkout: "
                + "dotnet run --project src/AsbOps.Web -- --create-admin EMAIL; in Docker: docker exec CONTAINER {Command}), "
                + "then open the link it prints", FirstAdministrator.Command, FirstAdministrator.Command);
        }
    }
}
