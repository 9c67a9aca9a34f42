using System.Net;
using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;
using Lessons.Application.Members.Queries;
using Lessons.Infrastructure.Identity;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Lessons.Web.Pages.Account;

/// <summary>
/// The account e-mails: short, HTML and plain text, with one link each, in the member's language. Before the address
/// is confirmed there is no member, and the mail is in the language of the page that caused it.
/// </summary>
public sealed class AccountEmails(
    UserManager<LessonsUser> users, IEmailSender email, ISiteAddress site, ISender sender, IStringLocalizer<SharedResource> text)
{
    public async Task SendConfirmationAsync(LessonsUser user, CancellationToken ct)
    {
        var language = await LanguageOfAsync(user, ct);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        // The confirmation page opens in the mail's language, and the member it creates keeps that language.
        var link = $"{site.Base}/konto/bekrafta?userId={user.Id}&code={code}";
        await SendAsync(user, language, "Bekräfta din e-postadress på Lessons",
            "Bekräfta din e-postadress för att aktivera ditt konto på Lessons: öppna länken och skriv lösenordet du valde.", "Bekräfta e-postadressen", link,
            "Har du inte skapat något konto kan du strunta i det här meddelandet.", ct);
    }

    public async Task SendAlreadyRegisteredAsync(LessonsUser user, CancellationToken ct) =>
        await SendAsync(user, await LanguageOfAsync(user, ct), "Du har redan ett konto på Lessons",
            "Någon försökte skapa ett nytt konto med din e-postadress, men du har redan ett.", "Logga in",
            $"{site.Base}/konto/logga-in", "Har du glömt lösenordet kan du välja Glömt lösenord på inloggningssidan.", ct);

    public async Task SendSignInWarningAsync(LessonsUser user, CancellationToken ct)
    {
        var language = await LanguageOfAsync(user, ct);
        await SendAsync(user, language, "Någon försöker logga in på ditt konto på Lessons",
            text.In(language, "Någon har skrivit fel lösenord {0} gånger i rad för ditt konto. Därför får det gå en stund mellan försöken. "
                + "Kommer du inte in kan du välja ett nytt lösenord med länken nedan; då kan du logga in direkt.", PasswordGuard.FreeFailures),
            "Välj nytt lösenord",
            $"{site.Base}/konto/glomt-losenord", "Var det inte du behöver du inte göra något: lösenordet är inte gissat, och ingen kommer åt kontot utan det.", ct);
    }

    public async Task SendPasswordResetAsync(LessonsUser user, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = $"{site.Base}/konto/aterstall-losenord?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        await SendAsync(user, await LanguageOfAsync(user, ct), "Välj ett nytt lösenord på Lessons",
            "Du har bett om att få välja ett nytt lösenord.", "Välj nytt lösenord", link,
            "Har du inte bett om det kan du strunta i meddelandet; ditt lösenord är oförändrat.", ct);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private async Task<string> LanguageOfAsync(LessonsUser user, CancellationToken ct) =>
        await sender.Send(new GetMailLanguageQuery(user.Id), ct) ?? Languages.Current;

    /// <summary>Every text is the Swedish key of its translation; <paramref name="body"/> may come translated already.</summary>
    private Task SendAsync(
        LessonsUser user, string language, string subject, string body, string action, string link, string footer, CancellationToken ct)
    {
        subject = text.In(language, subject);
        var greeting = text.In(language, "Hej {0}!", user.DisplayName);
        body = text.In(language, body);
        action = text.In(language, action);
        footer = text.In(language, footer);
        link = MailCulture.Link(link, language);
        var plain = $"{greeting}\n\n{body}\n\n{action}: {link}\n\n{footer}\n\n– Lessons";
        var html = $"""
            <!DOCTYPE html><html lang="{language}"><body>
            <p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            <p>{WebUtility.HtmlEncode(footer)}</p><p>– Lessons</p>
            </body></html>
            """;
        return email.SendAsync(new EmailMessage(user.Email!, subject, plain, html), ct);
    }
}
