using MimeKit;

namespace AsbOps.Web.Email;

/// <summary>Hands one message to the mail system; throws when it could not.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
