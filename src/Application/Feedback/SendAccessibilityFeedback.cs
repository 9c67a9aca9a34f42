using System.Net;
using System.Text;

using FluentValidation;

using Lessons.Application.Common.Ports;

using Mediator;

namespace Lessons.Application.Feedback;

/// <summary>
/// Feedback on the accessibility statement's form, as the law on accessible digital public services asks: someone
/// who meets a barrier tells the site's contact, who answers. Anyone may send it, signed in or not; the reply
/// address is optional, so a barrier can be reported without giving one.
/// </summary>
public sealed record SendAccessibilityFeedbackCommand(string Message, string? Page = null, string? Name = null, string? Email = null)
    : IRequest<Unit>;

public sealed class SendAccessibilityFeedbackValidator : AbstractValidator<SendAccessibilityFeedbackCommand>
{
    public SendAccessibilityFeedbackValidator()
    {
        RuleFor(c => c.Message).NotEmpty().WithMessage("Beskriv vad som inte fungerade.").OverridePropertyName("Message");
        RuleFor(c => c.Message).MaximumLength(4000).WithMessage("Meddelandet får vara högst 4 000 tecken.").OverridePropertyName("Message");
        RuleFor(c => c.Page).MaximumLength(500).WithMessage("Sidans adress får vara högst 500 tecken.").OverridePropertyName("Page");
        RuleFor(c => c.Name).MaximumLength(200).WithMessage("Namnet får vara högst 200 tecken.").OverridePropertyName("Name");
        // No white space or line breaks: the address becomes the mail's Reply-To header.
        RuleFor(c => c.Email).EmailAddress().MaximumLength(256).Matches(@"^[^\s@]+@[^\s@]+$").When(c => !string.IsNullOrWhiteSpace(c.Email))
            .WithMessage("Ogiltig e-postadress.").OverridePropertyName("Email");
    }
}

internal sealed class SendAccessibilityFeedbackHandler(IEmailSender email, ISiteContact contact, TimeProvider clock)
    : IRequestHandler<SendAccessibilityFeedbackCommand, Unit>
{
    public async ValueTask<Unit> Handle(SendAccessibilityFeedbackCommand command, CancellationToken ct)
    {
        var fields = new List<(string Label, string Value)>
        {
            ("Sida", Blank(command.Page) ?? "(inte angiven)"),
            ("Namn", Blank(command.Name) ?? "(inte angivet)"),
            ("E-post för svar", Blank(command.Email) ?? "(ingen; avsändaren vill inte ha svar)"),
            ("Mottaget", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
        };
        const string subject = "Återkoppling om tillgänglighet på Lessons";
        var text = new StringBuilder("Någon har lämnat återkoppling via tillgänglighetsredogörelsen.\n\n");
        foreach (var (label, value) in fields) text.Append(label).Append(": ").Append(value).Append('\n');
        text.Append("\nMeddelande:\n").Append(command.Message.Trim()).Append('\n');

        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
            .Append(subject).Append("</title></head>\n<body>\n<h1>").Append(subject).Append("</h1>\n<dl>\n");
        foreach (var (label, value) in fields) html.Append("<dt>").Append(label).Append("</dt><dd>").Append(WebUtility.HtmlEncode(value)).Append("</dd>\n");
        html.Append("</dl>\n<h2>Meddelande</h2>\n<p>")
            .Append(WebUtility.HtmlEncode(command.Message.Trim()).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n</body></html>\n");

        // Replies go to the sender when they gave an address, never from it: the From stays the site's own.
        var headers = Blank(command.Email) is { } replyTo ? new Dictionary<string, string> { ["Reply-To"] = replyTo } : null;
        await email.SendAsync(new EmailMessage(contact.Email, subject, text.ToString(), html.ToString(), headers), ct);
        return Unit.Value;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
