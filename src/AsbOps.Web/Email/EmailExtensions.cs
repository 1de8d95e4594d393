using AsbOps.Web.Jobs;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Email;

public static class EmailExtensions
{
    /// <summary>
    /// MailKit over SMTP when <c>Smtp:Host</c> is set, otherwise .eml files in the pickup folder; the outbox and the job
    /// that sends it.
    /// </summary>
    public static IServiceCollection AddAsbOpsEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupDirectoryEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<SmtpEmailSender>()
            : sp.GetRequiredService<PickupDirectoryEmailSender>());
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<OutboxOnce>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxBacklog>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>(OutboxHealthCheck.Name, tags: [AsbOps.Web.Data.HealthExtensions.ReadyTag]);
        services.AddScheduledJob<OutboxDispatchJob>(sp => new JobDefinition(OutboxDispatchJob.Name, "Send queued email", typeof(OutboxDispatchJob),
            JobTiming.EverySeconds(sp.GetRequiredService<IOptions<JobsOptions>>().Value.OutboxEverySeconds)));
        return services;
    }
}
