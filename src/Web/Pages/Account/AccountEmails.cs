using System.Net;
using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Lessons.Web.Pages.Account;

/// <summary>The account e-mails: short, Swedish, HTML and plain text, with one link each.</summary>
public sealed class AccountEmails(UserManager<LessonsUser> users, IEmailSender email, ISiteAddress site)
{
    public async Task SendConfirmationAsync(LessonsUser user, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = $"{site.Base}/konto/bekrafta?userId={user.Id}&code={code}";
        await SendAsync(user.Email!, "Bekräfta din e-postadress på Lessons",
            $"Hej {user.DisplayName}!",
            "Bekräfta din e-postadress för att aktivera ditt konto på Lessons: öppna länken och skriv lösenordet du valde.", "Bekräfta e-postadressen", link,
            "Har du inte skapat något konto kan du strunta i det här meddelandet.", ct);
    }

    public async Task SendAlreadyRegisteredAsync(LessonsUser user, CancellationToken ct) =>
        await SendAsync(user.Email!, "Du har redan ett konto på Lessons", $"Hej {user.DisplayName}!",
            "Någon försökte skapa ett nytt konto med din e-postadress, men du har redan ett.", "Logga in",
            $"{site.Base}/konto/logga-in", "Har du glömt lösenordet kan du välja Glömt lösenord på inloggningssidan.", ct);

    public async Task SendSignInWarningAsync(LessonsUser user, CancellationToken ct) =>
        await SendAsync(user.Email!, "Någon försöker logga in på ditt konto på Lessons", $"Hej {user.DisplayName}!",
            $"Någon har skrivit fel lösenord {PasswordGuard.FreeFailures} gånger i rad för ditt konto. Därför får det gå en stund mellan försöken. "
            + "Kommer du inte in kan du välja ett nytt lösenord med länken nedan; då kan du logga in direkt.", "Välj nytt lösenord",
            $"{site.Base}/konto/glomt-losenord", "Var det inte du behöver du inte göra något: lösenordet är inte gissat, och ingen kommer åt kontot utan det.", ct);

    public async Task SendPasswordResetAsync(LessonsUser user, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = $"{site.Base}/konto/aterstall-losenord?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        await SendAsync(user.Email!, "Välj ett nytt lösenord på Lessons", $"Hej {user.DisplayName}!",
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

    private Task SendAsync(string to, string subject, string greeting, string text, string action, string link, string footer, CancellationToken ct)
    {
        var plain = $"{greeting}\n\n{text}\n\n{action}: {link}\n\n{footer}\n\n– Lessons";
        var html = $"""
            <!DOCTYPE html><html lang="sv"><body>
            <p>{WebUtility.HtmlEncode(greeting)}</p><p>{WebUtility.HtmlEncode(text)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            <p>{WebUtility.HtmlEncode(footer)}</p><p>– Lessons</p>
            </body></html>
            """;
        return email.SendAsync(new EmailMessage(to, subject, plain, html), ct);
    }
}
