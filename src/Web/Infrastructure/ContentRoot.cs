using System.Reflection;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// Where the site's own files are (appsettings.json, wwwroot) and what relative paths in its settings
/// (<c>data/lessons.db</c>, <c>Search:IndexPath</c>, <c>Email:PickupDirectory</c>) are relative to: the program's
/// folder when published, the project folder (src/Web) under <c>dotnet run</c>. Never the directory it happened to
/// be started from, so a published build started from anywhere serves its CSS and finds its data.
/// </summary>
internal static class ContentRoot
{
    /// <summary>The content root to use, or null when the caller chose one (<c>--contentRoot</c>, as the test host does).</summary>
    public static string? Choose(string[] args)
    {
        var chosen = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build();
        if (!string.IsNullOrEmpty(chosen[HostDefaults.ContentRootKey])) return null;
        var program = AppContext.BaseDirectory;
        var project = typeof(ContentRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        // Running from its own build output in the source tree (dotnet run): views, styles and data live in the project.
        return project is not null && program.StartsWith(Path.Combine(project, "bin") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? project : program;
    }

    /// <summary>Relative paths in settings are read against the content root (the infrastructure resolves them
    /// against the working directory), while a verb's file arguments were resolved against the caller's directory
    /// when the command line was parsed.</summary>
    public static void Enter(string? root)
    {
        if (root is not null) Directory.SetCurrentDirectory(root);
    }
}
