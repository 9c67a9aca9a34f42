using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

using Lessons.Application.Common.Errors;
using Lessons.Application.Members.Commands;
using Lessons.Application.Organisations.Commands;
using Lessons.Application.Organisations.Queries;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Reports;
using Lessons.IntegrationTests.Fixtures;

using MimeKit;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Who is told what by e-mail, read back from the pickup folder. Links come from Site:PublicUrl.</summary>
public sealed partial class NotificationTests
{
    private const string Site = "https://lessons.example.se";

    private static Task<TestApp> StartAsync(string database, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Site:PublicUrl"] = Site + "/" };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return TestApp.StartAsync(database, settings);
    }

    /// <summary>The one link of a notification, the same in its plain text and its HTML.</summary>
    private static string LinkIn(MimeMessage message)
    {
        var text = Assert.Single(Link().Matches(message.TextBody!)).Value;
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(text)}\"", message.HtmlBody!, StringComparison.Ordinal);
        return text;
    }

    private static bool About(MimeMessage message, string words) => message.Subject?.Contains(words, StringComparison.Ordinal) == true;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [Theory, ClassData(typeof(Databases))]
    public async Task A_join_request_is_mailed_to_the_organisations_editors_with_a_link_to_the_organisation(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Lunds kommun", editor: true);
        var lund = await app.OrganisationId("Lunds kommun");
        var applicant = await app.Confirmed("Ali Sökande");

        await app.SendAs(applicant, new RequestMembershipCommand(lund));

        var mail = Assert.Single(app.Mail(await app.EmailOf(editor)), m => About(m, "Ali Sökande"));
        Assert.Equal("Ali Sökande vill gå med i Lunds kommun", mail.Subject);
        Assert.Equal($"{Site}/organisationer/{lund}", LinkIn(mail));
        Assert.DoesNotContain(app.Mail(await app.EmailOf(await app.Moderator())), m => About(m, "Ali Sökande"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_join_request_to_an_organisation_without_editors_goes_to_the_moderators_and_their_list(string database)
    {
        await using var app = await StartAsync(database);
        var moderator = await app.Moderator();
        var nacka = await app.OrganisationId("Nacka kommun");
        var applicant = await app.Confirmed("Nora Nacka");

        await app.SendAs(applicant, new RequestMembershipCommand(nacka));

        var mail = Assert.Single(app.Mail(await app.EmailOf(moderator)));
        Assert.Equal("Nora Nacka vill gå med i Nacka kommun", mail.Subject);
        Assert.Contains("inga redaktörer", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{Site}/moderering/ansokningar", LinkIn(mail));
        var pending = Assert.Single(await app.SendAs(moderator, new ListJoinRequestsQuery()));
        Assert.Equal(("Nora Nacka", "Nacka kommun", false), (pending.DisplayName, pending.OrganisationName, pending.OrganisationHasEditors));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(applicant, new ListJoinRequestsQuery()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Approval_is_mailed_to_the_new_member(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Lunds kommun", editor: true);
        var lund = await app.OrganisationId("Lunds kommun");
        var applicant = await app.Confirmed("Ali Sökande");
        await app.SendAs(applicant, new RequestMembershipCommand(lund));
        Assert.Empty(app.Mail(await app.EmailOf(applicant)));

        await app.SendAs(editor, new ManageMemberCommand(lund, applicant.Id!.Value, MemberAction.Approve));

        var mail = Assert.Single(app.Mail(await app.EmailOf(applicant)));
        Assert.Equal("Du är nu medlem i Lunds kommun på Lessons", mail.Subject);
        Assert.StartsWith("Hej Ali Sökande!", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{Site}/rapporter/ny", LinkIn(mail));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_submitted_report_is_mailed_to_the_editors_and_an_anonymous_one_to_the_moderators(string database)
    {
        await using var app = await StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var editor = await app.Member("Umeå kommun", editor: true);
        var moderator = await app.Moderator();
        var open = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Öppen rapport")));
        var anonymous = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Anonym rapport", anonymous: true)));
        var before = app.Mail(await app.EmailOf(moderator)).Count;

        await app.SendAs(author, new SubmitForReviewCommand(open));
        await app.SendAs(author, new SubmitForReviewCommand(anonymous));

        var toEditor = Assert.Single(app.Mail(await app.EmailOf(editor)), m => About(m, "Rapport att granska"));
        Assert.Equal("Rapport att granska: Öppen rapport", toEditor.Subject);
        Assert.Equal($"{Site}/rapporter/{open}", LinkIn(toEditor));
        var toModerator = Assert.Single(app.Mail(await app.EmailOf(moderator)).Skip(before));
        Assert.Equal("Rapport att granska: Anonym rapport", toModerator.Subject);
        Assert.Equal($"{Site}/rapporter/{anonymous}", LinkIn(toModerator));
        Assert.DoesNotContain(app.Mail(await app.EmailOf(author)), m => About(m, "Rapport att granska"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Publishing_is_mailed_to_the_author(string database)
    {
        await using var app = await StartAsync(database);
        var author = await app.Member("Umeå kommun", name: "Anna Författare");
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Nattkameror")));
        await app.SendAs(author, new SubmitForReviewCommand(id));

        await app.SendAs(editor, new PublishReportCommand(id));

        var mail = Assert.Single(app.Mail(await app.EmailOf(author)), m => About(m, "publicerad"));
        Assert.Equal("Din rapport är publicerad: Nattkameror", mail.Subject);
        Assert.StartsWith("Hej Anna Författare!", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{Site}/rapporter/{id}", LinkIn(mail));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Marking_reused_is_mailed_to_the_author_and_the_editors_with_the_note_escaped(string database)
    {
        await using var app = await StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Nattkameror <i hemtjänsten>")));
        await app.SendAs(editor, new PublishReportCommand(id));
        var reader = await app.Member("Nacka kommun", name: "Nils <b>Nilsson</b>");

        await app.SendAs(reader, new MarkReusedCommand(id, "Vi provade <script>alert(1)</script> & det gick bra."));

        foreach (var to in new[] { author, editor })
        {
            var mail = Assert.Single(app.Mail(await app.EmailOf(to)), m => About(m, "återanvänts"));
            Assert.Equal("Er rapport har återanvänts: Nattkameror <i hemtjänsten>", mail.Subject);
            Assert.Equal($"{Site}/rapporter/{id}", LinkIn(mail));
            Assert.Contains("Nils <b>Nilsson</b> (Nacka kommun)", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("> Vi provade <script>alert(1)</script> & det gick bra.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Vi provade &lt;script&gt;alert(1)&lt;/script&gt; &amp; det gick bra.", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("Nils &lt;b&gt;Nilsson&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(app.Mail(await app.EmailOf(reader)), m => About(m, "återanvänts"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_mail_server_that_is_down_does_not_undo_the_action(string database)
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();          // nothing listens there now: every connection is refused
        await using var app = await StartAsync(database, new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var author = await app.Member("Umeå kommun");
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid()));

        await app.SendAs(author, new SubmitForReviewCommand(id));
        await app.SendAs(editor, new PublishReportCommand(id));

        Assert.Equal(ReportStatus.Published, (await app.SendAs(author, new GetReportQuery(id.ToString()))).Status);
    }
}
