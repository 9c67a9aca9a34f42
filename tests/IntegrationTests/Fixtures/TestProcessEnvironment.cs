using System.Runtime.CompilerServices;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// The suite runs dozens of sites at once, in this process and as child processes. Each watches its configuration
/// files and web root with inotify, and Linux allows a user 128 inotify instances by default: past that, page
/// renders and host builds fail with an IOException. The tests never change those files while a site runs, so the
/// file providers poll instead (the variable is read by <c>PhysicalFileProvider</c> and inherited by the children).
/// </summary>
internal static class TestProcessEnvironment
{
    [ModuleInitializer]
    internal static void PollFilesInsteadOfWatchingThem() =>
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
