using AsbOps.Web.Features.CaseRecord.Contacts;
using AsbOps.Web.Features.CaseRecord.Files;
using AsbOps.Web.Features.CaseRecord.Notes;

namespace AsbOps.Web.Features.CaseRecord;

public static class CaseRecordFeature
{
    /// <summary>The case record: notes, victim contacts, and files.</summary>
    public static IServiceCollection AddCaseRecordFeature(this IServiceCollection services)
    {
        services.AddScoped<ICaseNoteService, CaseNoteService>();
        services.AddScoped<VictimContactService>();
        services.AddScoped<IVictimContactService>(sp => sp.GetRequiredService<VictimContactService>());
        services.AddScoped<IOverdueContacts>(sp => sp.GetRequiredService<VictimContactService>());
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section);
        services.AddScoped<ICaseFileService, CaseFileService>();
        return services;
    }

    /// <summary>The download address of case files.</summary>
    public static void MapCaseRecordFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapCaseFileDownload();
}
