using System.Net;

using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Common.Text;
using Lessons.Application.Digests.Queries;
using Lessons.Domain;

using Mediator;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lessons.Application.Digests.Commands;

/// <summary>
/// Sends the signed-in administrator, to their own address, the digest <see cref="Email"/> would get next, marked as
/// a test. Nothing is recorded: no delivery, no run, so the subscriber's real digest is unaffected. Answers the
/// address the test went to.
/// </summary>
public sealed record SendTestDigestCommand(string Email) : IRequest<string>, IRequireAdmin;

public sealed class SendTestDigestValidator : AbstractValidator<SendTestDigestCommand>
{
    public SendTestDigestValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).WithMessage("Ange en e-postadress.").OverridePropertyName("email");
}

internal sealed class SendTestDigestHandler(ILessonsDbContext db, CurrentViewer current, ISender sender, IEmailSender email, IStringLocalizer localizer)
    : IRequestHandler<SendTestDigestCommand, string>
{
    public const string Banner = "Det här är ett test av veckobrevet, skickat av en administratör. Länkarna hör till prenumeranten";

    public async ValueTask<string> Handle(SendTestDigestCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var admin = await db.Members.AsNoTracking().Where(m => m.Id == viewer.UserId)
                .Select(m => new { m.Email, m.PreferredLanguage }).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("Ditt konto har ingen e-postadress att skicka testet till.", "email");
        var preview = await sender.Send(new PreviewDigestQuery(command.Email), ct);
        if (!preview.HasDigest) throw new DomainRuleException(preview.Reason!, "email");

        var to = admin.Email;
        // The digest is the subscriber's, in their language; the note about the test is the administrator's.
        var banner = $"{localizer.In(admin.PreferredLanguage, Banner)} {preview.Email}.";
        var text = banner + "\n\n" + preview.Text;
        // The banner goes in as the body's first element; the rest is the digest exactly as rendered.
        var html = preview.Html;
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var open = body < 0 ? -1 : html.IndexOf('>', body);
        var note = $"<p style=\"margin: 0; padding: 0.75em 1em; background: #fff4ce; color: #1b1b1b; border-bottom: 2px solid #8a6d00;\"><strong>Test:</strong> {WebUtility.HtmlEncode(banner)}</p>";
        html = open < 0 ? note + html : html[..(open + 1)] + note + html[(open + 1)..];
        try
        {
            await email.SendAsync(new EmailMessage(to, "[Test] " + preview.Subject, text, html,
                new Dictionary<string, string> { ["X-Lessons-Test"] = "digest-preview" }), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server's own words stay as it wrote them; the sentence around them is the administrator's language.
            throw new DomainRuleException(localizer["Testbrevet kunde inte skickas: {0}", e.Message].Value, "email");
        }
        return to;
    }
}
