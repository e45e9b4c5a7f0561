using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Access;
using Tijdig.Hosting;

namespace Tijdig.Access;

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, BackOfficeUser? User, DateTimeOffset? LockedUntil);

/// <summary>
/// The credit team's accounts: adding, removing and changing passwords (from the command line),
/// and checking a sign-in with a lockout after repeated failures.
/// </summary>
public sealed partial class BackOfficeUsers(TijdigDbContext db, BusinessCalendar calendar, ILogger<BackOfficeUsers> logger)
{
    public const int MinimumPasswordLength = 12;

    public const int MaximumFailedSignIns = 5;

    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<BackOfficeUser> Hasher = new();

    // Checked against when the name is unknown, so that a wrong name costs as much time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Placeholder(), Guid.NewGuid().ToString("N")));

    public Task<bool> AnyAsync(CancellationToken ct) => db.BackOfficeUsers.AnyAsync(ct);

    public Task<List<BackOfficeUser>> ListAsync(CancellationToken ct) =>
        db.BackOfficeUsers.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);

    public async Task<BackOfficeUser> AddAsync(string userName, string? displayName, string password, CancellationToken ct)
    {
        var name = NormaliseName(userName);
        CheckPassword(password);
        if (await db.BackOfficeUsers.AnyAsync(u => u.UserName == name, ct))
        {
            throw new UsageException($"Gebruiker '{name}' bestaat al. Kies een andere naam, of wijzig het wachtwoord met 'users password {name}'.");
        }

        var user = new BackOfficeUser
        {
            UserName = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            PasswordHash = "",
            SecurityStamp = NewStamp(),
            CreatedAt = calendar.Now,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.BackOfficeUsers.Add(user);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Back-office user {UserName} added", name);
        return user;
    }

    /// <summary>Sets a new password, lifts a lockout and ends every session signed in with the old one.</summary>
    public async Task SetPasswordAsync(string userName, string password, CancellationToken ct)
    {
        var user = await RequireAsync(userName, ct);
        CheckPassword(password);

        user.PasswordHash = Hasher.HashPassword(user, password);
        user.SecurityStamp = NewStamp();
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Password of back-office user {UserName} changed", user.UserName);
    }

    public async Task RemoveAsync(string userName, CancellationToken ct)
    {
        var user = await RequireAsync(userName, ct);
        db.BackOfficeUsers.Remove(user);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Back-office user {UserName} removed", user.UserName);
    }

    /// <summary>
    /// Checks a name and password. Five failures in a row lock the account for
    /// <see cref="LockoutPeriod"/>, during which even the right password is refused.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var user = await db.BackOfficeUsers.FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(Placeholder(), DecoyHash.Value, password ?? "");
            logger.LogWarning("Back-office sign-in failed: unknown user name");
            return new SignInResult(SignInOutcome.WrongCredentials, null, null);
        }

        var now = calendar.Now;
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            logger.LogWarning("Back-office sign-in failed for {UserName}: account locked until {LockedUntil}", user.UserName, lockedUntil);
            return new SignInResult(SignInOutcome.LockedOut, null, InAmsterdam(lockedUntil));
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            return await FailAsync(user, now, ct);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password!);
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Back-office user {UserName} signed in", user.UserName);
        return new SignInResult(SignInOutcome.SignedIn, user, null);
    }

    /// <summary>
    /// Ends every session of the user by changing the security stamp. Signing out calls this, because
    /// a copy of the cookie would otherwise stay valid until it expires.
    /// </summary>
    public async Task EndSessionsAsync(long userId, CancellationToken ct)
    {
        var user = await db.BackOfficeUsers.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return;
        }

        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Sessions of back-office user {UserName} ended", user.UserName);
    }

    /// <summary>The user behind a session, or null when the account is gone or its password changed since.</summary>
    public Task<BackOfficeUser?> FindSessionUserAsync(long id, string securityStamp, CancellationToken ct) =>
        db.BackOfficeUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.SecurityStamp == securityStamp, ct);

    private async Task<SignInResult> FailAsync(BackOfficeUser user, DateTimeOffset now, CancellationToken ct)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns >= MaximumFailedSignIns)
        {
            user.LockedUntil = now + LockoutPeriod;
            user.FailedSignIns = 0;
        }

        await db.SaveChangesAsync(ct);
        logger.LogWarning("Back-office sign-in failed for {UserName}: wrong password", user.UserName);
        return user.LockedUntil is { } lockedUntil && lockedUntil > now
            ? new SignInResult(SignInOutcome.LockedOut, null, lockedUntil)
            : new SignInResult(SignInOutcome.WrongCredentials, null, null);
    }

    private async Task<BackOfficeUser> RequireAsync(string userName, CancellationToken ct)
    {
        var name = NormaliseName(userName);
        return await db.BackOfficeUsers.FirstOrDefaultAsync(u => u.UserName == name, ct)
            ?? throw new UsageException($"Gebruiker '{name}' bestaat niet. 'users list' toont de gebruikers.");
    }

    private static string NormaliseName(string userName)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(name))
        {
            throw new UsageException(
                $"Gebruikersnaam '{userName}' is ongeldig: gebruik 2 tot 64 tekens, alleen letters a-z, cijfers, punt, streepje of liggend streepje.");
        }

        return name;
    }

    private static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
        {
            throw new UsageException($"Het wachtwoord is te kort: gebruik minstens {MinimumPasswordLength} tekens.");
        }
    }

    /// <summary>Converts a stored time to Amsterdam time, because PostgreSQL returns stored times in UTC.</summary>
    public static DateTimeOffset InAmsterdam(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, BusinessCalendar.Amsterdam);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static BackOfficeUser Placeholder() => new() { UserName = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" };

    [GeneratedRegex("^[a-z0-9._-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
