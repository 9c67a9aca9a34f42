using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

using Lessons.Application.Common.Errors;
using Lessons.Application.Digests.Commands;
using Lessons.Application.Digests.Queries;
using Lessons.Application.Members.Commands;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Infrastructure.Identity;

using Lessons.Infrastructure.Persistence;

using Mediator;

using Microsoft.AspNetCore.Identity;

namespace Lessons.Web.Cli;

/// <summary>
/// The command verbs of DESIGN.md, parsed by System.CommandLine, on the same host and the same requests as the site.
/// Exit codes: 0 done, 1 bad input or failure (with a message on standard error), 2 usage (an unknown verb or
/// option, a missing argument), 3 nothing to send (<c>digest --preview</c>), 130 cancelled (Ctrl+C). The host is built only once the command line parsed, so
/// <c>--help</c> and a typo never touch the database.
/// </summary>
internal static partial class CommandLine
{
    public const int UsageError = 2;

    /// <summary><c>digest --preview</c>: the address would get no digest (the reason is printed).</summary>
    public const int NothingToSend = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>After a bulk write the planner's statistics are refreshed, so lookups by id stay on the primary key.</summary>
    private static async Task<int> Analysed(IServiceProvider provider, int exitCode)
    {
        if (exitCode == 0) await provider.GetRequiredService<LessonsDbContext>().RefreshStatisticsAsync();
        return exitCode;
    }

    /// <summary>
    /// The site starts with no arguments or with ASP.NET Core settings (<c>--urls URL</c>, <c>Key=value</c>);
    /// any other first word is a verb, so a typo (<c>digets</c>) is told as one instead of starting a second site.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && !args[0].Contains('=', StringComparison.Ordinal)
        && (!args[0].StartsWith('-') || args[0] is "-h" or "-?" or "--help" or "--version");

    /// <param name="host">The operator's services (database migrated), asked for once the command line is known to be good.</param>
    public static async Task<int> RunAsync(string[] args, Func<Task<IServiceProvider>> host, TextWriter output, TextWriter error)
    {
        var root = Verbs(host, output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync(problem.Message);
            await error.WriteLineAsync();
            await error.WriteLineAsync("Användning: dotnet Lessons.Web.dll <verb> [argument] (eller dotnet run --project src/Web -- <verb>)");
            await error.WriteLineAsync("Verb:");
            foreach (var verb in root.Subcommands)
                await error.WriteLineAsync($"  {verb.Name,-14} {verb.Description}");
            await error.WriteLineAsync("Skriv <verb> --help för ett verbs argument.");
            return UsageError;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Avbrutet.");
            return 130;
        }
    }

    private static RootCommand Verbs(Func<Task<IServiceProvider>> host, TextWriter output, TextWriter error)
    {
        // Relative paths are read against the directory the command was started in (FileInfo resolves them then).
        var importFile = new Argument<FileInfo>("FILE") { Description = "JSON-fil i importformatet" };
        var exportFile = new Argument<FileInfo>("FILE") { Description = "filen som skrivs" };
        var membersOnly = new Option<bool>("--include-members-only") { Description = "även rapporter som bara medlemmar får läsa" };
        var backupFile = new Argument<FileInfo>("FILE") { Description = "filen som skrivs" };
        var adminEmail = new Argument<string>("EMAIL") { Description = "kontots e-postadress" };
        var reports = new Option<string>("--reports") { Description = "antal rapporter (1–2 000 000)", Required = true };
        var seed = new Option<string>("--seed") { Description = "slumpfrö (ett heltal): samma frö ger samma rapporter", Required = true };
        var from = new Option<FileInfo>("--from") { Description = "varierar riktiga rapporter ur en fil i importformatet i stället för en mall", HelpName = "FILE" };

        var root = new RootCommand("Lessons: kommandon för driften. Utan verb startar webbplatsen.");
        root.Subcommands.Add(Verb("import", "läser in rapporter (JSON, formatet i data/relevance/reports.json) och publicerar dem", [importFile],
            (provider, parsed, ct) => ImportAsync(provider, parsed.GetValue(importFile)!, output, error, ct)));
        var export = Verb("export", "skriver de publicerade rapporter som alla får läsa i samma format (anonyma utan organisation och kontaktuppgifter)", [exportFile],
            (provider, parsed, _) => ExportAsync(provider.GetRequiredService<ISender>(), parsed.GetValue(exportFile)!, parsed.GetValue(membersOnly), output));
        export.Options.Add(membersOnly);
        root.Subcommands.Add(export);
        root.Subcommands.Add(Verb("backup", "gör en säkerhetskopia av databasen (SQLite: en databasfil; PostgreSQL: pg_dump -Fc)", [backupFile],
            (provider, parsed, ct) => BackupAsync(provider.GetRequiredService<LessonsDbContext>(), parsed.GetValue(backupFile)!, output, ct)));
        root.Subcommands.Add(Verb("create-admin", "skapar en administratör (eller ger ett befintligt konto administratörsrätt)", [adminEmail],
            (provider, parsed, _) => CreateAdminAsync(provider, parsed.GetValue(adminEmail)!, output, error)));
        root.Subcommands.Add(Verb("reindex", "bygger om sökindexet (Search:IndexPath) från databasen; stoppa webbplatsen först", [],
            (provider, _, ct) => ReindexAsync(provider, output, ct)));
        var generate = Verb("generate", "skapar syntetiska rapporter för prestandamätningar", [],
            (provider, parsed, ct) => GenerateAsync(provider, parsed.GetValue(reports)!, parsed.GetValue(seed)!, parsed.GetValue(from), output, error, ct));
        generate.Options.Add(reports);
        generate.Options.Add(seed);
        generate.Options.Add(from);
        root.Subcommands.Add(generate);
        var sendNow = new Option<bool>("--send-now") { Description = "kör veckobrevet nu, med detta ögonblick som brytpunkt" };
        var preview = new Option<string>("--preview") { Description = "visar nästa veckobrev till adressen", HelpName = "EMAIL" };
        var digest = Verb("digest", "veckobrevet: --send-now skickar nu, --preview EMAIL visar nästa brev till en adress", [],
            (provider, parsed, ct) => parsed.GetValue(preview) is { } email
                ? PreviewDigestAsync(provider.GetRequiredService<ISender>(), email, output, ct)
                : SendDigestNowAsync(provider.GetRequiredService<ISender>(), output, error, ct));
        digest.Options.Add(sendNow);
        digest.Options.Add(preview);
        digest.Validators.Add(result =>
        {
            if (result.GetValue(sendNow) == (result.GetResult(preview) is not null))
                result.AddError("Ange antingen --send-now eller --preview EMAIL.");
        });
        root.Subcommands.Add(digest);
        return root;

        Command Verb(string name, string description, Argument[] arguments, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> run)
        {
            var command = new Command(name, description);
            foreach (var argument in arguments) command.Arguments.Add(argument);
            command.SetAction(async (parsed, ct) =>
            {
                await using var scope = (await host()).CreateAsyncScope();
                try
                {
                    return await run(scope.ServiceProvider, parsed, ct);
                }
                catch (ValidationFailedException e)
                {
                    foreach (var (field, messages) in e.Errors)
                        foreach (var message in messages) await error.WriteLineAsync($"{field}: {message}");
                    return 1;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    await error.WriteLineAsync(e.Message);
                    return 1;
                }
            });
            return command;
        }
    }

    private static async Task<int> ImportAsync(IServiceProvider provider, FileInfo file, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"Filen {file.FullName} finns inte.");
            return 1;
        }
        List<ReportRecord>? items;
        try
        {
            await using var stream = file.OpenRead();
            // A bare list, or the open-data document of /api/v1/reports.json whose "reports" is that list.
            var document = await JsonSerializer.DeserializeAsync<JsonElement>(stream, Json, ct);
            var list = document.ValueKind == JsonValueKind.Object && document.TryGetProperty("reports", out var reports) ? reports : document;
            items = list.Deserialize<List<ReportRecord>>(Json);
        }
        catch (JsonException e)
        {
            await error.WriteLineAsync($"Filen är inte giltig JSON i importformatet (rad {e.LineNumber + 1}, position {e.BytePositionInLine}): {e.Message}");
            return 1;
        }
        if (items is null || items.Any(i => i is null))
        {
            await error.WriteLineAsync("Filen ska innehålla en JSON-lista med rapporter.");
            return 1;
        }
        await output.WriteLineAsync($"Läser in {items.Count} rapporter från {file.FullName} …");
        try
        {
            var result = await provider.GetRequiredService<ISender>().Send(new ImportReportsCommand(items), ct);
            await output.WriteLineAsync($"Klart: {result.Created} nya, {result.Updated} uppdaterade, {result.Unchanged} oförändrade.");
            if (result.NewOrganisations.Count > 0)
                await output.WriteLineAsync($"Nya organisationer (fanns inte i registret): {string.Join(", ", result.NewOrganisations)}");
            return await Analysed(provider, 0);
        }
        catch (ValidationFailedException e)
        {
            await error.WriteLineAsync($"Filen avvisades och inget skrevs: {e.Errors.Sum(x => x.Value.Length)} fel.");
            foreach (var (field, messages) in e.Errors.OrderBy(x => ItemIndex(x.Key)))
                foreach (var message in messages) await error.WriteLineAsync($"  {Describe(field, items)}: {message}");
            return 1;
        }
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, string n, string seedText, FileInfo? from, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 2_000_000)
        {
            await error.WriteLineAsync($"--reports ska vara ett heltal från 1 till 2 000 000, inte \"{n}\".");
            return 1;
        }
        if (!int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            await error.WriteLineAsync($"--seed ska vara ett heltal, inte \"{seedText}\".");
            return 1;
        }
        IEnumerable<ReportRecord> generated;
        if (from is null) generated = SyntheticCorpus.Generate(count, seed);
        else
        {
            if (!from.Exists)
            {
                await error.WriteLineAsync($"Filen {from.FullName} finns inte.");
                return 1;
            }
            await using var stream = from.OpenRead();
            var sources = await JsonSerializer.DeserializeAsync<List<ReportRecord>>(stream, Json, ct);
            if (sources is not { Count: > 0 } || sources.Any(s => s is null))
            {
                await error.WriteLineAsync("Filen ska innehålla en JSON-lista med rapporter.");
                return 1;
            }
            generated = VariedCorpus.Generate(sources, count, seed);
        }
        const int Batch = 500;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var done = 0;
        foreach (var batch in generated.Chunk(Batch))
        {
            // A scope per batch: the change tracker starts empty each time, so memory stays flat at any N.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportReportsCommand(batch), ct);
            done += batch.Length;
            if (done % (Batch * 20) == 0 || done == count)
                await output.WriteLineAsync($"  {done:N0} / {count:N0} rapporter ({done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)");
        }
        await output.WriteLineAsync($"Klart: {count:N0} syntetiska rapporter (seed {seed}) på {clock.Elapsed.TotalSeconds:N1} s.");
        return await Analysed(services, 0);
    }

    private static async Task<int> ReindexAsync(IServiceProvider provider, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync("Bygger om sökindexet från databasen …");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var indexer = provider.GetRequiredService<Lessons.Infrastructure.Search.SearchIndexer>();
        var rebuild = indexer.RebuildAsync(ct);
        while (await Task.WhenAny(rebuild, Task.Delay(1000, ct)) != rebuild)
            if (indexer.Progress is { Total: > 0 } progress)
                await output.WriteLineAsync($"  [{new string('#', 30 * progress.Done / progress.Total),-30}] {progress.Done:N0} / {progress.Total:N0}");
        var count = await rebuild;
        await output.WriteLineAsync($"Klart: {count:N0} publicerade rapporter indexerade på {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    private static async Task<int> ExportAsync(ISender sender, FileInfo file, bool includeMembersOnly, TextWriter output)
    {
        var reports = await sender.Send(new ExportReportsQuery(includeMembersOnly));
        var target = file.FullName;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var stream = File.Create(target))
            await JsonSerializer.SerializeAsync(stream, reports, Json);
        await output.WriteLineAsync($"Exporterade {reports.Count} publicerade rapporter till {target}.");
        return 0;
    }

    private static async Task<int> BackupAsync(LessonsDbContext db, FileInfo file, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync($"Säkerhetskopierar databasen till {file.FullName} …");
        await DatabaseBackup.WriteAsync(db, file.FullName, ct);
        file.Refresh();
        await output.WriteLineAsync($"Klart: {file.Length:N0} byte.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider provider, string email, TextWriter output, TextWriter error)
    {
        if (!EmailPattern().IsMatch(email))
        {
            await error.WriteLineAsync($"\"{email}\" är ingen giltig e-postadress.");
            return 1;
        }
        var users = provider.GetRequiredService<UserManager<LessonsUser>>();
        var user = await users.FindByEmailAsync(email);
        string? password = null;
        if (user is null)
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            user = new LessonsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await error.WriteLineAsync(string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        foreach (var role in new[] { Roles.Admin, Roles.Moderator })
            if (!await users.IsInRoleAsync(user, role)) await users.AddToRoleAsync(user, role);
        await provider.GetRequiredService<ISender>().Send(new ActivateMemberCommand(user.Id, email, user.DisplayName));

        await output.WriteLineAsync(password is null
            ? $"{email} är nu administratör och moderator."
            : $"Administratören {email} är skapad. Tillfälligt lösenord: {password}\nLogga in och byt lösenordet (Glömt lösenord) innan du delar ut rättigheter.");
        return 0;
    }

    /// <summary>Exit 0 when the run is done, whether or not anyone had something new (a second run in a week sends nothing).</summary>
    private static async Task<int> SendDigestNowAsync(ISender sender, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var runs = await sender.Send(new RunDigestsCommand(SendNow: true), ct);
        foreach (var run in runs)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Vecka {run.IsoWeek} ({(run.Manual ? "manuell" : "schemalagd")}, brytpunkt {run.Cutoff:yyyy-MM-dd HH:mm:ss} UTC): " +
                $"{run.Composed} sammanställda, {run.Sent} skickade, {run.Failed} misslyckade, {run.Waiting} väntar, {run.Stuck} fastnade i sending"));
        }
        var stuck = runs.Sum(r => r.Stuck);
        if (stuck > 0)
            await error.WriteLineAsync($"{stuck} brev fastnade i sending (processen avbröts medan de skickades). De skickas inte om automatiskt (högst en gång).");
        if (runs.Sum(r => r.Composed) == 0) await output.WriteLineAsync("Inget att skicka: ingen prenumerant har något nytt som inte redan skickats den här veckan.");
        return 0;
    }

    /// <summary>Exit 0 with the subject and text of the next digest, or 3 with the reason there is none.</summary>
    private static async Task<int> PreviewDigestAsync(ISender sender, string email, TextWriter output, CancellationToken ct)
    {
        var preview = await sender.Send(new PreviewDigestQuery(email), ct);
        if (!preview.HasDigest)
        {
            await output.WriteLineAsync($"Inget veckobrev till {preview.Email}: {preview.Reason}");
            return NothingToSend;
        }
        await output.WriteLineAsync("Ämne: " + preview.Subject);
        await output.WriteLineAsync();
        await output.WriteAsync(preview.Text);
        return 0;
    }

    private static int ItemIndex(string key) =>
        ItemKey().Match(key) is { Success: true } m ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : -1;

    /// <summary>"Items[3].year" → "rapport 3 (id r004), year": the item by its position in the file (from 0) and its id.</summary>
    private static string Describe(string key, List<ReportRecord> items)
    {
        var match = ItemKey().Match(key);
        if (!match.Success) return key;
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        var field = match.Groups["field"].Value;
        var id = index < items.Count && items[index].Id is { Length: > 0 } i ? $" (id {i})" : "";
        return $"rapport {index}{id}" + (field.Length > 0 ? $", {field}" : "");
    }

    [GeneratedRegex(@"^(Items)?\[(?<index>\d+)\]\.?(?<field>.*)$")]
    private static partial Regex ItemKey();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
