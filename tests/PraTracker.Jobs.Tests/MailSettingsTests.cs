using Microsoft.Extensions.Configuration;
using PraTracker.Jobs.Correspondence;
using PraTracker.Jobs.Email;

namespace PraTracker.Tests;

/// <summary>Imap:* and Correspondence:*, as an operator writes them: sensible defaults, and a typo stops start-up with the reason.</summary>
public sealed class MailSettingsTests
{
    [Fact]
    public void With_no_host_the_mailbox_is_off_and_the_defaults_are_those_of_an_ordinary_imaps_mailbox()
    {
        var settings = ImapSettings.FromConfiguration(Configuration(new()));
        Assert.False(settings.Enabled);
        Assert.Equal((993, SmtpSecurity.SslOnConnect, "INBOX", "* * * * *", 25L * 1024 * 1024), (settings.Port, settings.Security, settings.Folder, settings.Cron, settings.MaxMessageBytes));
        Assert.Equal(143, ImapSettings.FromConfiguration(Configuration(new() { ["Imap:Security"] = "starttls" })).Port);
    }

    [Theory]
    [InlineData("Imap:Security", "tls", "Imap:Security is \"tls\"; use None, StartTls or SslOnConnect.")]
    [InlineData("Imap:Security", "9", "Imap:Security is \"9\"; use None, StartTls or SslOnConnect.")]
    [InlineData("Imap:Port", "70000", "Imap:Port is 70000; use a port between 1 and 65535.")]
    [InlineData("Imap:MaxMessageBytes", "10", "Imap:MaxMessageBytes is 10; messages up to at least a kilobyte must be read.")]
    [InlineData("Correspondence:ReplyToAddress", "records@org.example", "Correspondence:ReplyToAddress is \"records@org.example\"; write an e-mail address with {reference} in it, such as records+{reference}@org.example.")]
    public void A_setting_that_makes_no_sense_stops_start_up_with_the_reason(string key, string value, string message)
    {
        var configuration = Configuration(new() { ["Imap:Host"] = "imap.example.org", [key] = value });
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            ImapSettings.FromConfiguration(configuration);
            CorrespondenceSettings.FromConfiguration(configuration, SmtpSettings.FromConfiguration(configuration));
        });
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(null, null, "alerts+PRA-2026-0042@pratracker.local")]
    [InlineData("Civil Liberties Project <records@clp.example.org>", null, "records+PRA-2026-0042@clp.example.org")]
    [InlineData("records@clp.example.org", "replies+{reference}@mail.clp.example.org", "replies+PRA-2026-0042@mail.clp.example.org")]
    public void Each_request_has_its_own_reply_address(string? from, string? template, string expected)
    {
        var configuration = Configuration(new() { ["Smtp:From"] = from, ["Correspondence:ReplyToAddress"] = template });
        var settings = CorrespondenceSettings.FromConfiguration(configuration, SmtpSettings.FromConfiguration(configuration));
        Assert.Equal(expected, settings.ReplyToFor("PRA-2026-0042"));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
