using System.Globalization;
using System.Net;
using MimeKit;
using PraTracker.Data.Identity;

namespace PraTracker.Jobs.Email;

/// <summary>The e-mail that carries an invitation link to the invitee, as text and HTML.</summary>
public static class InvitationMail
{
    public const string Subject = "You are invited to PraTracker";

    public static MimeMessage Compose(IssuedInvitation invitation, string invitedBy, Uri link)
    {
        var expires = invitation.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var role = invitation.Role == Roles.Admin ? "an admin" : "an attorney";
        var text = $"""
            Hello {invitation.DisplayName},

            {invitedBy} has invited you to PraTracker, your organisation's tracker of public-records requests, as {role}.

            Choose your password here (the link works once, until {expires}):
            {link}

            If you did not expect this invitation, ignore this e-mail; no account is made until the link is used.
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><body style="font-family: sans-serif; line-height: 1.5">
            <p>Hello {Encode(invitation.DisplayName)},</p>
            <p>{Encode(invitedBy)} has invited you to PraTracker, your organisation's tracker of public-records requests, as {role}.</p>
            <p><a href="{Encode(link.AbsoluteUri)}">Choose your password</a> (the link works once, until {expires}).</p>
            <p style="color: #555">If you did not expect this invitation, ignore this e-mail; no account is made until the link is used.</p>
            </body></html>
            """;

        var message = new MimeMessage { Subject = Subject };
        message.To.Add(new MailboxAddress(invitation.DisplayName, invitation.Email));
        message.Body = MailBody.Of(text + "\n", html);
        return message;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
