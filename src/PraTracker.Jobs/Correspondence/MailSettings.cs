using Microsoft.Extensions.Configuration;
using MimeKit;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Correspondence;

/// <summary>
/// The mailbox agencies' replies arrive in (Imap:*). With no host the poll is off and the inbox page says so; with
/// one, every setting is checked at start-up so a typo stops the app with a reason instead of failing each minute.
/// </summary>
public sealed record ImapSettings(string? Host, int Port, SmtpSecurity Security, string? Username, string? Password, string Folder, string Cron, long MaxMessageBytes)
{
    public const long DefaultMaxMessageBytes = 25L * 1024 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static ImapSettings FromConfiguration(IConfiguration configuration)
    {
        var security = configuration["Imap:Security"] is { Length: > 0 } text
            ? Enum.TryParse<SmtpSecurity>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"Imap:Security is \"{text}\"; use None, StartTls or SslOnConnect.")
            : SmtpSecurity.SslOnConnect;
        var port = configuration.GetValue("Imap:Port", security == SmtpSecurity.SslOnConnect ? 993 : 143);
        if (port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Imap:Port is {port}; use a port between 1 and 65535.");
        }

        var maxBytes = configuration.GetValue("Imap:MaxMessageBytes", DefaultMaxMessageBytes);
        if (maxBytes < 1024)
        {
            throw new InvalidOperationException($"Imap:MaxMessageBytes is {maxBytes}; messages up to at least a kilobyte must be read.");
        }

        return new ImapSettings(
            configuration["Imap:Host"],
            port,
            security,
            configuration["Imap:Username"],
            configuration["Imap:Password"],
            configuration["Imap:Folder"] is { Length: > 0 } folder ? folder : "INBOX",
            configuration["Imap:Cron"] is { Length: > 0 } cron ? cron : "* * * * *",
            maxBytes);
    }
}

/// <summary>
/// How the app's letters go out (Correspondence:*): the reply address that tells an agency's answer which request
/// it is about. Its {reference} is replaced by the request's reference; by default it is the sending address with
/// "+{reference}" added to its local part (records@org.example gives records+PRA-2026-0042@org.example).
/// </summary>
public sealed record CorrespondenceSettings(string ReplyToTemplate)
{
    public const string ReferencePlaceholder = "{reference}";

    public static CorrespondenceSettings FromConfiguration(IConfiguration configuration, SmtpSettings smtp)
    {
        if (configuration["Correspondence:ReplyToAddress"] is { Length: > 0 } template)
        {
            if (!template.Contains(ReferencePlaceholder, StringComparison.Ordinal)
                || !MailboxAddress.TryParse(template.Replace(ReferencePlaceholder, "PRA-2026-0001", StringComparison.Ordinal), out _))
            {
                throw new InvalidOperationException(
                    $"Correspondence:ReplyToAddress is \"{template}\"; write an e-mail address with {ReferencePlaceholder} in it, such as records+{ReferencePlaceholder}@org.example.");
            }

            return new CorrespondenceSettings(template);
        }

        var from = MailboxAddress.TryParse(smtp.From, out var parsed) ? parsed.Address : "records@pratracker.local";
        var at = from.LastIndexOf('@');
        return new CorrespondenceSettings(at < 0 ? $"{from}+{ReferencePlaceholder}" : $"{from[..at]}+{ReferencePlaceholder}{from[at..]}");
    }

    /// <summary>The reply address of one request.</summary>
    public string ReplyToFor(string reference) => ReplyToTemplate.Replace(ReferencePlaceholder, reference, StringComparison.Ordinal);
}
