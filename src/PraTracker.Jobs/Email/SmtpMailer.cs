using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PraTracker.Jobs.Email;

/// <summary>Sends mail through the configured SMTP server with MailKit; throws when the server does not accept it.</summary>
public sealed class SmtpMailer(SmtpSettings settings)
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            throw new InvalidOperationException("E-mail is off: Smtp:Host is not configured.");
        }

        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(settings.From));
        using var client = new SmtpClient();
        var security = settings.Security.ToSocketOptions();
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
