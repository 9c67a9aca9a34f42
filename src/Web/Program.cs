using Lessons.Application;
using Lessons.Infrastructure;
using Lessons.Infrastructure.Persistence;
using Lessons.Web;
using Lessons.Web.Cli;

var operatorMode = CommandLine.IsVerb(args);
// A verb's own arguments (file names) are not configuration: only the site reads the command line as settings.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = operatorMode ? [] : args });
if (operatorMode) builder.Logging.SetMinimumLevel(LogLevel.Warning);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWeb(builder.Configuration, operatorMode);

var app = builder.Build();

if (operatorMode)
{
    await app.Services.InitialiseDatabaseAsync();
    return await CommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseWeb();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
