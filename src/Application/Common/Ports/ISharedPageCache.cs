namespace Lessons.Application.Common.Ports;

/// <summary>
/// The pages this node keeps for anonymous readers. The database tells it when what they show has changed, so a
/// reader sees a saved change at once on the node that saved it.
/// </summary>
public interface ISharedPageCache
{
    ValueTask ContentChangedAsync(CancellationToken ct);
}
