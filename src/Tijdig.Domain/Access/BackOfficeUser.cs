namespace Tijdig.Domain.Access;

/// <summary>
/// A member of the credit team who may sign in to the back office. The password is kept only as a
/// salted hash; the security stamp changes with the password, so sessions signed in with the old
/// password end.
/// </summary>
public sealed class BackOfficeUser
{
    public long Id { get; set; }

    /// <summary>The sign-in name, stored in lower case so that "Anouk" and "anouk" are one user.</summary>
    public required string UserName { get; set; }

    /// <summary>The name shown in the back office and written in audit trails.</summary>
    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Failed attempts since the last successful sign-in; reaching the limit locks the account for a while.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
