namespace AsbOps.Web.Features.MyWork;

public static class MyWorkFeature
{
    /// <summary>The officer's and sergeant's home page: what is due on their cases.</summary>
    public static IServiceCollection AddMyWorkFeature(this IServiceCollection services) => services.AddScoped<MyWorkService>();
}
