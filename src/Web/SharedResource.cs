namespace Lessons.Web;

/// <summary>
/// The one resource of the interface's text, <c>Resources/SharedResource.en.resx</c>. Its keys are the Swedish text
/// itself (OrchardCore's way): a view reads as the Swedish page it renders by default, a missing translation shows the
/// Swedish rather than a key, and one file holds every English string, so a translator sees them side by side.
/// </summary>
public sealed class SharedResource;
