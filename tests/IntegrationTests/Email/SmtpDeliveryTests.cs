using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

using Lessons.Application.Common.Ports;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.DependencyInjection;

using MimeKit;

namespace Lessons.IntegrationTests.Email;

/// <summary>Mail over real SMTP (aiosmtpd on loopback): the site's own mails, and batches with the failures servers give.</summary>
public sealed class SmtpDeliveryTests
{
    private const string Token = "CfDJ8N0bDUjbS2xAtJ7Qb0fQn3fCkP9yR0mHcWxqzK1VvT3e8sLwYpG5uZ4aB6dE2rN7tH9jM1kX0oI8" +
        "cV5bQ3wS6zL4yU2xR9tP7nM0kJ8hG1fD5sA3qW6eR4tY2uI9oP7lK5jH3gF1dS0aZ8xC6vB4nM2qW0eR";

    [Fact]
    public async Task The_registration_confirmation_arrives_over_smtp_and_its_link_confirms()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await LessonsApp.StartAsync(extra: smtp.Settings());
        var client = app.Browser();

        var registered = await client.RegisterAsync("smtp@exempel.se");

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var mail = Assert.Single(smtp.MessagesTo("smtp@exempel.se"));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"https://localhost/konto/bekrafta\S+").Value);
        var confirmed = await client.ConfirmAsync(link.PathAndQuery);
        Assert.Contains("är bekräftad", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Mail("smtp@exempel.se"));     // nothing went to the pickup folder instead
    }

    [Fact]
    public async Task A_batch_sends_every_message_over_one_connection_with_its_headers_and_message_id_intact()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync();
        await using var app = await StartAsync(smtp);
        var messages = Enumerable.Range(1, 5).Select(i => Digest($"mottagare{i}@exempel.se", i)).ToList();

        await using (var batch = await OpenBatchAsync(app))
        {
            foreach (var message in messages) Assert.Equal(SendResult.Sent, await batch.SendAsync(message, CancellationToken.None));
        }

        Assert.Equal(1, smtp.Connections);
        foreach (var sent in messages)
        {
            var received = Assert.Single(smtp.MessagesTo(sent.To));
            Assert.Equal($"<{sent.MessageId}>", OnTheWire(received, "Message-ID"));
            foreach (var (name, value) in sent.Headers!) Assert.Equal(value, OnTheWire(received, name));
            Assert.Equal(sent.Subject, received.Subject);
            Assert.Contains("Tre nya rapporter", received.TextBody, StringComparison.Ordinal);
            Assert.Contains("<h1>Tre nya rapporter</h1>", received.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_busy_reply_is_tried_again_and_then_delivered()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--busy", "upptagen@exempel.se:2");
        await using var app = await StartAsync(smtp, new() { ["Email:Smtp:Attempts"] = "3" });

        await using var batch = await OpenBatchAsync(app);
        var result = await batch.SendAsync(Digest("upptagen@exempel.se"), CancellationToken.None);

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(["rcpt upptagen@exempel.se 451", "rcpt upptagen@exempel.se 451", "rcpt upptagen@exempel.se 250"],
            smtp.Events().Where(e => e.StartsWith("rcpt", StringComparison.Ordinal)));
        Assert.Single(smtp.MessagesTo("upptagen@exempel.se"));
    }

    [Fact]
    public async Task A_server_that_stays_busy_is_a_transient_failure_after_the_configured_attempts()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--busy", "upptagen@exempel.se:9");
        await using var app = await StartAsync(smtp, new() { ["Email:Smtp:Attempts"] = "4" });

        await using var batch = await OpenBatchAsync(app);
        var result = await batch.SendAsync(Digest("upptagen@exempel.se"), CancellationToken.None);

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        Assert.StartsWith("451", result.Reason, StringComparison.Ordinal);
        Assert.Equal(4, smtp.Events().Count(e => e == "rcpt upptagen@exempel.se 451"));
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task A_refused_recipient_is_a_permanent_failure_not_tried_again_and_the_rest_of_the_batch_is_delivered()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--reject", "finns.inte@exempel.se");
        await using var app = await StartAsync(smtp, new() { ["Email:Smtp:Attempts"] = "3" });

        var results = new List<SendResult>();
        await using (var batch = await OpenBatchAsync(app))
        {
            foreach (var to in new[] { "forsta@exempel.se", "finns.inte@exempel.se", "sista@exempel.se" })
                results.Add(await batch.SendAsync(Digest(to), CancellationToken.None));
        }

        Assert.Equal([SendOutcome.Sent, SendOutcome.PermanentFailure, SendOutcome.Sent], results.Select(r => r.Outcome));
        Assert.StartsWith("550", results[1].Reason, StringComparison.Ordinal);
        Assert.Single(smtp.Events(), e => e.StartsWith("rcpt finns.inte@exempel.se", StringComparison.Ordinal));
        Assert.Single(smtp.MessagesTo("forsta@exempel.se"));
        Assert.Single(smtp.MessagesTo("sista@exempel.se"));
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task A_connection_dropped_mid_batch_is_opened_again_and_every_message_arrives_once()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--drop-after", "2");
        await using var app = await StartAsync(smtp);
        var messages = Enumerable.Range(1, 5).Select(i => Digest($"mottagare{i}@exempel.se", i)).ToList();

        await using (var batch = await OpenBatchAsync(app))
        {
            foreach (var message in messages) Assert.Equal(SendResult.Sent, await batch.SendAsync(message, CancellationToken.None));
        }

        Assert.Equal(2, smtp.Connections);
        Assert.Equal(messages.Select(m => m.MessageId), smtp.Messages().Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_server_that_stops_answering_is_given_up_on_after_the_timeout_and_tried_again()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--stall", "tyst@exempel.se:1:10");
        await using var app = await StartAsync(smtp, new() { ["Email:Smtp:Timeout"] = "00:00:01" });

        var clock = Stopwatch.StartNew();
        await using var batch = await OpenBatchAsync(app);
        var result = await batch.SendAsync(Digest("tyst@exempel.se"), CancellationToken.None);

        Assert.Equal(SendResult.Sent, result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9), $"waited {clock.Elapsed} for a server that never answers");
        Assert.Equal(2, smtp.Connections);
        Assert.Single(smtp.MessagesTo("tyst@exempel.se"));
    }

    [Fact]
    public async Task Requiring_starttls_sends_nothing_to_a_server_that_does_not_offer_it()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync();
        await using var app = await StartAsync(smtp, new() { ["Email:Smtp:Security"] = "StartTls", ["Email:Smtp:Attempts"] = "1" });

        await using var batch = await OpenBatchAsync(app);
        var result = await batch.SendAsync(Digest("hemlig@exempel.se"), CancellationToken.None);

        Assert.Equal(SendOutcome.TransientFailure, result.Outcome);
        Assert.Contains("STARTTLS", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.Events(), e => e.StartsWith("rcpt", StringComparison.Ordinal));
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task A_batch_keeps_to_the_configured_rate()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync();
        await using var app = await StartAsync(smtp, new() { ["Email:Smtp:MessagesPerSecond"] = "20" });

        // Twenty a second is two every tenth of a second: the first two at once, the other nine in five more tenths.
        // Only the lower bound is asserted; a slow machine may take longer.
        var clock = Stopwatch.StartNew();
        await using (var batch = await OpenBatchAsync(app))
        {
            for (var i = 1; i <= 11; i++) Assert.Equal(SendResult.Sent, await batch.SendAsync(Digest($"m{i}@exempel.se", i), CancellationToken.None));
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"11 messages at 20/s took only {clock.Elapsed}");
        Assert.Equal(11, smtp.Messages().Count);
    }

    [Fact]
    public async Task Sent_and_failed_mails_are_counted_on_the_Lessons_meter()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--reject", "nej@exempel.se", "--busy", "strax@exempel.se:1");
        await using var app = await StartAsync(smtp);
        var meters = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<IMeterFactory>()));
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This app's meter only: other tests' apps count on meters of the same name.
            if (instrument.Meter.Name == "Lessons" && ReferenceEquals(instrument.Meter.Scope, meters)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var outcome = tags.ToArray().FirstOrDefault(t => t.Key == "outcome").Value;
            counted.AddOrUpdate(outcome is null ? instrument.Name : $"{instrument.Name}:{outcome}", value, (_, v) => v + value);
        });
        listener.Start();

        await using (var batch = await OpenBatchAsync(app))
        {
            foreach (var to in new[] { "ja@exempel.se", "nej@exempel.se", "strax@exempel.se" })
                await batch.SendAsync(Digest(to), CancellationToken.None);
        }

        Assert.Equal(2, counted.GetValueOrDefault("lessons.email.sent"));
        Assert.Equal(1, counted.GetValueOrDefault("lessons.email.failed:permanent"));
        Assert.Equal(0, counted.GetValueOrDefault("lessons.email.failed:transient"));
        Assert.Equal(1, counted.GetValueOrDefault("lessons.email.retries"));
    }

    /// <summary>A header as the server received it, only unfolded (RFC 5322 2.2.3): no decoding that could hide a rewrite.</summary>
    private static string OnTheWire(MimeMessage message, string name)
    {
        var header = Assert.Single(message.Headers, h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase));
        return System.Text.Encoding.ASCII.GetString(header.RawValue).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
    }

    private static Task<TestApp> StartAsync(SmtpServer smtp, Dictionary<string, string?>? extra = null) =>
        TestApp.StartAsync(TestDatabases.Sqlite, smtp.Settings(extra));

    private static Task<IEmailBatch> OpenBatchAsync(TestApp app) =>
        app.InScope(sp => sp.GetRequiredService<IEmailSender>().OpenBatchAsync(CancellationToken.None));

    /// <summary>A message shaped like a digest: the headers and the Message-ID a digest carries.</summary>
    private static EmailMessage Digest(string to, int n = 1)
    {
        var id = $"digest.{Guid.NewGuid():N}.{n}@lessons.example.se";
        return new EmailMessage(to, "Lärdomar: tre nya rapporter åt dig", "Tre nya rapporter\n\nhttps://lessons.example.se/sok",
            "<h1>Tre nya rapporter</h1><p><a href=\"https://lessons.example.se/sok\">Sök</a></p>",
            new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<https://lessons.example.se/prenumerera/avsluta/{Token}>, <mailto:avsluta@lessons.example.se?subject={Token}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                ["List-Id"] = "Lessons veckosammanfattning <veckosammanfattning.lessons.example.se>",
            },
            id);
    }
}
