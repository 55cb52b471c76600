using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace PraTracker.Jobs.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>MailKit's connection option for a configured security.</summary>
public static class MailSecurity
{
    public static SecureSocketOptions ToSocketOptions(this SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}

/// <summary>The mail server alerts go through (Smtp:*); with no host, e-mail is off and the app says so.</summary>
public sealed record SmtpSettings(string? Host, int Port, SmtpSecurity Security, string? Username, string? Password, string From, string? AppBaseUrl)
{
    /// <summary>Where links in e-mails point when App:BaseUrl is not set: the app as `dotnet run` serves it.</summary>
    public const string DefaultAppBaseUrl = "http://localhost:5080";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings FromConfiguration(IConfiguration configuration) => new(
        configuration["Smtp:Host"],
        configuration.GetValue("Smtp:Port", 25),
        configuration.GetValue("Smtp:Security", SmtpSecurity.None),
        configuration["Smtp:Username"],
        configuration["Smtp:Password"],
        configuration["Smtp:From"] is { Length: > 0 } from ? from : "PraTracker <alerts@pratracker.local>",
        configuration["App:BaseUrl"]);
}
