namespace AsbOps.Web.Features.People;

public static class PeopleFeature
{
    /// <summary>Adding people to a case, with the search for the same person elsewhere; the person view.</summary>
    public static IServiceCollection AddPeopleFeature(this IServiceCollection services) =>
        services.AddScoped<ICasePeopleService, CasePeopleService>().AddScoped<IPersonViewService, PersonViewService>()
            .AddScoped<IPersonRecordService, PersonRecordService>()
            .AddScoped<SubjectAccess.SubjectAccessQueries>().AddScoped<SubjectAccess.SubjectAccessExport>();

    /// <summary>The subject access workbook download.</summary>
    public static void MapPeopleFeature(this IEndpointRouteBuilder endpoints) => SubjectAccess.SubjectAccessExport.MapSubjectAccess(endpoints);
}
