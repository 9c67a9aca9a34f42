using System.Net;
using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;
using Lessons.Domain.Subscriptions;

using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Lessons.Application.Subscriptions;

/// <summary>The mails of subscribing, in the subscriber's language. Links come from <see cref="ISiteAddress"/> and carry a signed token.</summary>
public sealed class SubscriptionMails(
    IEmailSender email, ISiteAddress site, ISubscriberTokens tokens, IStringLocalizer text, ILogger<SubscriptionMails> log)
{
    public string ConfirmLink(Guid subscriberId) => site.Link("/prenumerera/bekrafta/" + tokens.Issue(subscriberId, SubscriberTokenPurpose.Confirm));

    public string ManageLink(Guid subscriberId) => site.Link("/prenumerera/hantera/" + tokens.Issue(subscriberId, SubscriberTokenPurpose.Manage));

    public string UnsubscribeLink(Guid subscriberId) => site.Link("/prenumerera/avsluta/" + tokens.Issue(subscriberId, SubscriberTokenPurpose.Manage));

    public Task ConfirmationAsync(Subscriber subscriber, CancellationToken ct) => SendAsync(subscriber,
        "Bekräfta din prenumeration på Lessons",
        [
            "Någon, förhoppningsvis du, vill få Lessons veckobrev om nya erfarenhetsrapporter till den här adressen.",
            "Ingenting skickas förrän du har bekräftat. Öppna länken och tryck på knappen \"Bekräfta\". Var det inte du kan du strunta i det här meddelandet.",
        ],
        "Bekräfta prenumerationen", ConfirmLink(subscriber.Id), ct);

    /// <summary>
    /// To an address that is subscribed already: the page that asked says the same as for a new address, so only the
    /// owner of the address learns that it was subscribed, and only the owner changes what it follows.
    /// </summary>
    public Task AlreadySubscribedAsync(Subscriber subscriber, CancellationToken ct) => SendAsync(subscriber,
        "Du prenumererar redan på Lessons",
        [
            "Någon bad om att få Lessons veckobrev till den här adressen, men du prenumererar redan.",
            "Vill du ändra vad du bevakar gör du det på sidan nedan. Var det inte du behöver du inte göra något.",
        ],
        "Hantera dina bevakningar", ManageLink(subscriber.Id), ct);

    private async Task SendAsync(
        Subscriber to, string swedishSubject, IReadOnlyList<string> swedishParagraphs, string swedishAction, string link, CancellationToken ct)
    {
        var language = to.PreferredLanguage;
        var subject = text.In(language, swedishSubject);
        var paragraphs = swedishParagraphs.Select(p => text.In(language, p)).ToList();
        var action = text.In(language, swedishAction);
        var footer = text.In(language, "Du får det här meddelandet för att adressen angavs på Lessons prenumerationssida. – Lessons");
        link = MailCulture.Link(link, language);
        var plain = new StringBuilder();
        foreach (var p in paragraphs) plain.Append(p).Append("\n\n");
        plain.Append(action).Append(": ").Append(link).Append("\n\n").Append(footer).Append('\n');

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject))
            .Append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;\">\n")
            .Append("<h1 style=\"font-size: 1.3em;\">").Append(Encode(subject)).Append("</h1>\n");
        foreach (var p in paragraphs) html.Append("<p>").Append(Encode(p)).Append("</p>\n");
        html.Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(action)).Append("</a></p>\n")
            .Append("<p style=\"color: #555; font-size: 0.9em;\">").Append(Encode(footer)).Append("</p>\n</body></html>\n");
        try
        {
            await email.SendAsync(new EmailMessage(to.Email, subject, plain.ToString(), html.ToString()), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The subscription is saved; subscribing again sends a new link. An error page would tell a stranger
            // something about the address.
            log.LogError(e, "Could not send \"{Subject}\" to a subscriber", subject);
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
