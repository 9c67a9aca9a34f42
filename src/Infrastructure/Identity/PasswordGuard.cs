using Lessons.Infrastructure.Persistence;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lessons.Infrastructure.Identity;

public enum PasswordCheck
{
    /// <summary>No account, a wrong password, or an account in its back-off: the caller answers all three alike.</summary>
    Refused,
    Right,
}

/// <param name="WarnOwner">This failure is the one that started the back-off: mail the owner (once per run of failures).</param>
public sealed record PasswordAttempt(PasswordCheck Check, bool WarnOwner);

/// <summary>
/// Every door that takes a password (sign-in, confirming an address) checks it here, so guessing is slowed the same
/// way everywhere and no answer or timing tells whether an address has an account.
/// </summary>
/// <remarks>
/// A back-off instead of Identity's lockout (OWASP ASVS 2.2.1): a lockout lets anyone lock anyone out with five
/// wrong passwords. After <see cref="FreeFailures"/> failures in a row, each further failure holds the account off
/// for a window that doubles (1, 2, 4 … minutes, at most <see cref="LongestHold"/>); attempts inside the window are
/// refused without checking the password, so they neither help a guesser nor lengthen the window. That leaves a
/// guesser a few dozen guesses a day per account, on top of the per-address rate limit of the sign-in paths. The owner
/// is mailed when the back-off starts, and a password reset (which also works for unconfirmed accounts) ends it at
/// once, so the owner can always get in. The window's end is kept in Identity's LockoutEnd column and the run of
/// failures in AccessFailedCount: no schema of our own, and the state holds across web nodes.
/// </remarks>
public sealed class PasswordGuard(UserManager<LessonsUser> users, LessonsDbContext db, TimeProvider clock)
{
    public const int FreeFailures = 5;

    public static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(30);

    // A hash made with the configured hasher, checked against when there is no account (or it is held off), so an
    // unknown address costs the same ~0.5 s of PBKDF2 as a known one.
    private static string? standInHash;

    public static TimeSpan HoldAfter(int failures) => failures < FreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromMinutes(Math.Min(Math.Pow(2, failures - FreeFailures), LongestHold.TotalMinutes));

    public async Task<PasswordAttempt> CheckAsync(LessonsUser? user, string password, CancellationToken ct)
    {
        if (user is null || user.LockoutEnd > clock.GetUtcNow())
        {
            SpendHashWork(password);
            return new(PasswordCheck.Refused, false);
        }
        if (await users.CheckPasswordAsync(user, password))
        {
            if (user.AccessFailedCount > 0 || user.LockoutEnd is not null) await ClearFailuresAsync(user, ct);
            return new(PasswordCheck.Right, false);
        }

        // Counted in the database, not on the loaded entity, so guesses sent in parallel each count.
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), ct);
        var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync(ct);
        if (failures >= FreeFailures)
        {
            var until = clock.GetUtcNow() + HoldAfter(failures);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)until), ct);
        }
        return new(PasswordCheck.Refused, WarnOwner: failures == FreeFailures);
    }

    /// <summary>After a password reset: the owner has proven the mailbox, so the back-off ends.</summary>
    public async Task ClearFailuresAsync(LessonsUser user, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), ct);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
    }

    /// <summary>The hashing work of checking or setting a password, for paths that must not be faster without an account.</summary>
    public void SpendHashWork(string password)
    {
        var hash = standInHash ??= users.PasswordHasher.HashPassword(new LessonsUser(), Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(new LessonsUser(), hash, password);
    }
}
