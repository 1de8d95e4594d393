namespace AsbOps.Web.Features.People;

public static class PeopleFeature
{
    /// <summary>Adding people to a case, with the search for the same person elsewhere.</summary>
    public static IServiceCollection AddPeopleFeature(this IServiceCollection services) =>
        services.AddScoped<ICasePeopleService, CasePeopleService>();
}
