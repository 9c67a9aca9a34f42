using Microsoft.AspNetCore.Identity;

namespace Lessons.Infrastructure.Identity;

/// <summary>Long passphrases are welcome, but not megabytes of them: hashing cost grows with the input.</summary>
internal sealed class MaximumLengthPasswordValidator : IPasswordValidator<LessonsUser>
{
    public const int MaxLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<LessonsUser> manager, LessonsUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Lösenordet får vara högst {MaxLength} tecken." })
            : IdentityResult.Success);
}
