using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

using Lessons.Application.Common.Errors;
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
/// The command verbs of DESIGN.md, on the same host and the same requests as the site. Exit codes: 0 done,
/// 1 bad input or failure (with a message on standard error), 2 usage.
/// </summary>
internal static partial class CommandLine
{
    private static readonly string[] Verbs = ["import", "export", "backup", "create-admin", "generate", "reindex", "help", "--help"];

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

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        try
        {
            return args switch
            {
                ["import", var file] => await Analysed(provider, await ImportAsync(provider.GetRequiredService<ISender>(), file, output, error)),
                ["export", var file] => await ExportAsync(provider.GetRequiredService<ISender>(), file, false, output),
                ["export", var file, "--include-members-only"] => await ExportAsync(provider.GetRequiredService<ISender>(), file, true, output),
                ["backup", var file] => await BackupAsync(provider.GetRequiredService<LessonsDbContext>(), file, output),
                ["create-admin", var email] => await CreateAdminAsync(provider, email, output, error),
                ["generate", "--reports", var n, "--seed", var seed] => await Analysed(provider, await GenerateAsync(services, n, seed, output, error)),
                ["reindex"] => await ReindexAsync(provider, output),
                _ => Usage(error),
            };
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
    }

    private static int Usage(TextWriter error)
    {
        error.WriteLine("""
            Användning: dotnet run --project src/Web -- <verb>
              import FILE          läser in rapporter (JSON, formatet i data/relevance/reports.json) och publicerar dem
              export FILE [--include-members-only]
                                   skriver de publicerade rapporter som alla får läsa i samma format (anonyma utan
                                   organisation och kontaktuppgifter); med flaggan även rapporter bara för medlemmar
              backup FILE          gör en säkerhetskopia av databasen (SQLite: en databasfil; PostgreSQL: pg_dump -Fc)
              create-admin EMAIL   skapar en administratör (eller ger ett befintligt konto administratörsrätt)
              reindex              bygger om sökindexet (Search:IndexPath) från databasen; stoppa webbplatsen först
              generate --reports N --seed S
                                   skapar N syntetiska rapporter för prestandamätningar (samma rapporter för samma S)
            """);
        return 2;
    }

    private static async Task<int> ImportAsync(ISender sender, string file, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"Filen {file} finns inte.");
            return 1;
        }
        List<ReportRecord>? items;
        try
        {
            await using var stream = File.OpenRead(file);
            items = await JsonSerializer.DeserializeAsync<List<ReportRecord>>(stream, Json);
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
        await output.WriteLineAsync($"Läser in {items.Count} rapporter från {file} …");
        try
        {
            var result = await sender.Send(new ImportReportsCommand(items));
            await output.WriteLineAsync($"Klart: {result.Created} nya, {result.Updated} uppdaterade, {result.Unchanged} oförändrade.");
            if (result.NewOrganisations.Count > 0)
                await output.WriteLineAsync($"Nya organisationer (fanns inte i registret): {string.Join(", ", result.NewOrganisations)}");
            return 0;
        }
        catch (ValidationFailedException e)
        {
            await error.WriteLineAsync($"Filen avvisades och inget skrevs: {e.Errors.Sum(x => x.Value.Length)} fel.");
            foreach (var (field, messages) in e.Errors.OrderBy(x => ItemIndex(x.Key)))
                foreach (var message in messages) await error.WriteLineAsync($"  {Describe(field, items)}: {message}");
            return 1;
        }
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, string n, string seedText, TextWriter output, TextWriter error)
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
        const int Batch = 500;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var done = 0;
        foreach (var batch in SyntheticCorpus.Generate(count, seed).Chunk(Batch))
        {
            // A scope per batch: the change tracker starts empty each time, so memory stays flat at any N.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportReportsCommand(batch));
            done += batch.Length;
            if (done % (Batch * 20) == 0 || done == count)
                await output.WriteLineAsync($"  {done:N0} / {count:N0} rapporter ({done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)");
        }
        await output.WriteLineAsync($"Klart: {count:N0} syntetiska rapporter (seed {seed}) på {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    private static async Task<int> ReindexAsync(IServiceProvider provider, TextWriter output)
    {
        await output.WriteLineAsync("Bygger om sökindexet från databasen …");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var indexer = provider.GetRequiredService<Lessons.Infrastructure.Search.SearchIndexer>();
        var rebuild = indexer.RebuildAsync(CancellationToken.None);
        while (await Task.WhenAny(rebuild, Task.Delay(1000)) != rebuild)
            if (indexer.Progress is { Total: > 0 } progress)
                await output.WriteLineAsync($"  [{new string('#', 30 * progress.Done / progress.Total),-30}] {progress.Done:N0} / {progress.Total:N0}");
        var count = await rebuild;
        await output.WriteLineAsync($"Klart: {count:N0} publicerade rapporter indexerade på {clock.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    private static async Task<int> ExportAsync(ISender sender, string file, bool includeMembersOnly, TextWriter output)
    {
        var reports = await sender.Send(new ExportReportsQuery(includeMembersOnly));
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var stream = File.Create(target))
            await JsonSerializer.SerializeAsync(stream, reports, Json);
        await output.WriteLineAsync($"Exporterade {reports.Count} publicerade rapporter till {target}.");
        return 0;
    }

    private static async Task<int> BackupAsync(LessonsDbContext db, string file, TextWriter output)
    {
        await output.WriteLineAsync($"Säkerhetskopierar databasen till {file} …");
        await DatabaseBackup.WriteAsync(db, file, CancellationToken.None);
        await output.WriteLineAsync($"Klart: {new FileInfo(Path.GetFullPath(file)).Length:N0} byte.");
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
