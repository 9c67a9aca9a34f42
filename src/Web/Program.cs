using Lessons.Application;
using Lessons.Infrastructure;
using Lessons.Infrastructure.Persistence;
using Lessons.Web;
using Lessons.Web.Cli;
using Lessons.Web.Infrastructure;

if (CommandLine.IsVerb(args))
{
    WebApplication? host = null;
    try
    {
        return await CommandLine.RunAsync(args, async () => (host = await OperatorHostAsync()).Services, Console.Out, Console.Error);
    }
    finally
    {
        if (host is not null) await host.DisposeAsync();
    }
}

var contentRoot = ContentRoot.Choose(args);
ContentRoot.Enter(contentRoot);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
if (PublicSite.Problem(builder.Configuration, builder.Environment) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}
PublicSite.RestrictHosts(builder.Configuration, builder.Environment);
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseWeb();
await app.RunAsync();
return 0;

// A verb's own arguments (file names) are not configuration: only the site reads the command line as settings.
static async Task<WebApplication> OperatorHostAsync()
{
    var contentRoot = ContentRoot.Choose([]);
    ContentRoot.Enter(contentRoot);
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = contentRoot });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration)
        .AddOperator();
    var app = builder.Build();
    await app.Services.InitialiseDatabaseAsync();
    return app;
}

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
