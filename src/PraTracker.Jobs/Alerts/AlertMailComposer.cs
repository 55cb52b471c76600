using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using PraTracker.Data.Deadlines;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Alerts;

/// <summary>Builds an alert e-mail, HTML and plain text, from the Razor components beside it.</summary>
public sealed class AlertMailComposer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory, SmtpSettings settings)
{
    /// <summary>One e-mail for the given alerts of one recipient: a single alert, or a digest when asked for.</summary>
    public async Task<MimeMessage> ComposeAsync(AlertRecipient recipient, IReadOnlyList<PendingAlert> alerts, DateOnly today, bool digest)
    {
        var baseUrl = (settings.AppBaseUrl ?? SmtpSettings.DefaultAppBaseUrl).TrimEnd('/');
        var subject = AlertWording.Subject(alerts, today, digest);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(AlertEmailText.Alerts)] = alerts,
            [nameof(AlertEmailText.Today)] = today,
            [nameof(AlertEmailText.BaseUrl)] = baseUrl,
            [nameof(AlertEmailText.RecipientName)] = recipient.Name,
        };

        // The renderer resolves scoped services of the components framework, so it gets a scope of its own.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var (html, text) = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var text = await renderer.RenderComponentAsync<AlertEmailText>(ParameterView.FromDictionary(parameters));
            parameters[nameof(AlertEmail.Subject)] = subject;
            var html = await renderer.RenderComponentAsync<AlertEmail>(ParameterView.FromDictionary(parameters));
            return ("<!DOCTYPE html>\n" + html.ToHtmlString(), text.ToHtmlString());
        });

        var message = new MimeMessage { Subject = subject };
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        // The text component renders through the HTML renderer, which encodes; decoding once gives back the text.
        message.Body = MailBody.Of(WebUtility.HtmlDecode(text).Trim() + "\n", html);
        return message;
    }
}
