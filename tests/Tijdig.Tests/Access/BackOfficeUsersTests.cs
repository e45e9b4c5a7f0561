using Microsoft.Extensions.DependencyInjection;
using Tijdig.Access;
using Tijdig.Data;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Access;

/// <summary>The credit team's accounts on both databases: passwords, lockout and sessions that end.</summary>
public sealed class BackOfficeUsersTests
{
    private const string Password = "lang-genoeg-wachtwoord";

    private static readonly DateOnly Today = new(2026, 3, 2);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_AcceptsRightPasswordInAnyCaseOfName(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var ledger = await TestLedger.CreateAsync(Today, provider);
        await ledger.RunAsync<BackOfficeUsers, object>(async users => await users.AddAsync("Anouk", "Anouk de Vries", Password, default));

        var right = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("ANOUK", Password, default));
        var wrong = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", Password + "x", default));
        var unknown = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("bram", Password, default));

        Assert.Equal(SignInOutcome.SignedIn, right.Outcome);
        Assert.Equal("Anouk de Vries", right.User!.DisplayName);
        Assert.Equal(SignInOutcome.WrongCredentials, wrong.Outcome);
        Assert.Null(wrong.User);
        Assert.Equal(SignInOutcome.WrongCredentials, unknown.Outcome);

        var stored = await ledger.QueryAsync(db => Task.FromResult(db.BackOfficeUsers.Single()));
        Assert.Equal("anouk", stored.UserName);
        Assert.DoesNotContain(Password, stored.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LockoutAfterFiveFailures()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        await ledger.RunAsync<BackOfficeUsers, object>(async users => await users.AddAsync("anouk", null, Password, default));

        var outcomes = new List<SignInOutcome>();
        for (var attempt = 0; attempt < BackOfficeUsers.MaximumFailedSignIns; attempt++)
        {
            outcomes.Add((await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", "fout-wachtwoord-123", default))).Outcome);
        }

        var whileLocked = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", Password, default));
        ledger.Clock.Advance(BackOfficeUsers.LockoutPeriod + TimeSpan.FromSeconds(1));
        var afterwards = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", Password, default));

        Assert.Equal([.. Enumerable.Repeat(SignInOutcome.WrongCredentials, 4), SignInOutcome.LockedOut], outcomes);
        Assert.Equal(SignInOutcome.LockedOut, whileLocked.Outcome);
        Assert.NotNull(whileLocked.LockedUntil);
        Assert.Equal(SignInOutcome.SignedIn, afterwards.Outcome);
    }

    /// <summary>
    /// PostgreSQL returns a stored time in UTC, but the credit team reads Amsterdam time in the
    /// lockout message and in 'users list'.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredTimes_AreShownInAmsterdamTime(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var ledger = await TestLedger.CreateAsync(Today, provider);
        await ledger.RunAsync<BackOfficeUsers, object>(async users => await users.AddAsync("anouk", null, Password, default));
        await ledger.RunAsync<BackOfficeUsers, object>(async users => await users.AddAsync("bram", null, Password, default));
        await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", Password, default));
        var signedInAt = TimeZoneInfo.ConvertTime(ledger.Clock.GetUtcNow(), Tijdig.Hosting.BusinessCalendar.Amsterdam);
        for (var attempt = 0; attempt < BackOfficeUsers.MaximumFailedSignIns; attempt++)
        {
            await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("bram", "fout-wachtwoord-123", default));
        }

        var locked = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("bram", Password, default));
        var listed = await RunVerbAsync(ledger, ["users", "list"], "");

        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.Equal(TimeSpan.FromHours(1), locked.LockedUntil!.Value.Offset);
        Assert.Equal(signedInAt + BackOfficeUsers.LockoutPeriod, locked.LockedUntil.Value);
        Assert.Contains(
            "laatst ingelogd: " + signedInAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            listed,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_EndsSessionsOfTheOldPassword()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        var user = await ledger.RunAsync<BackOfficeUsers, Tijdig.Domain.Access.BackOfficeUser>(users => users.AddAsync("anouk", null, Password, default));

        var before = await ledger.RunAsync<BackOfficeUsers, Tijdig.Domain.Access.BackOfficeUser?>(users => users.FindSessionUserAsync(user.Id, user.SecurityStamp, default));
        await ledger.RunAsync<BackOfficeUsers, object>(async users => { await users.SetPasswordAsync("anouk", "een-ander-wachtwoord", default); return 0; });
        var after = await ledger.RunAsync<BackOfficeUsers, Tijdig.Domain.Access.BackOfficeUser?>(users => users.FindSessionUserAsync(user.Id, user.SecurityStamp, default));
        var oldPassword = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", Password, default));

        Assert.NotNull(before);
        Assert.Null(after);
        Assert.Equal(SignInOutcome.WrongCredentials, oldPassword.Outcome);
    }

    [Theory]
    [InlineData("anouk", "kort", "te kort")]
    [InlineData("a", Password, "ongeldig")]
    [InlineData("anouk de vries", Password, "ongeldig")]
    [InlineData("anouk@example.nl", Password, "ongeldig")]
    public async Task Add_InvalidNameOrShortPassword(string name, string password, string expected)
    {
        await using var ledger = await TestLedger.CreateAsync(Today);

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            ledger.RunAsync<BackOfficeUsers, Tijdig.Domain.Access.BackOfficeUser>(users => users.AddAsync(name, null, password, default)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(await ledger.RunAsync<BackOfficeUsers, bool>(users => users.AnyAsync(default)));
    }

    [Fact]
    public async Task Add_RefusesSecondUserWithSameName()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);
        await ledger.RunAsync<BackOfficeUsers, object>(async users => await users.AddAsync("anouk", null, Password, default));

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            ledger.RunAsync<BackOfficeUsers, Tijdig.Domain.Access.BackOfficeUser>(users => users.AddAsync("Anouk", null, Password, default)));

        Assert.Contains("bestaat al", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserVerbs_AddListRemove()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);

        var added = await RunVerbAsync(ledger, ["users", "add", "anouk", "--display-name", "Anouk de Vries"], Password + "\n");
        var listed = await RunVerbAsync(ledger, ["users", "list"], "");
        var signIn = await ledger.RunAsync<BackOfficeUsers, SignInResult>(users => users.SignInAsync("anouk", Password, default));
        var removed = await RunVerbAsync(ledger, ["users", "remove", "anouk"], "");

        Assert.Contains("'anouk' is aangemaakt", added, StringComparison.Ordinal);
        Assert.Contains("Anouk de Vries", listed, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.SignedIn, signIn.Outcome);
        Assert.Contains("verwijderd", removed, StringComparison.Ordinal);
        Assert.False(await ledger.RunAsync<BackOfficeUsers, bool>(users => users.AnyAsync(default)));
    }

    [Fact]
    public async Task UserVerbs_MissingPasswordAddsNothing()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);

        var error = await Assert.ThrowsAsync<UsageException>(() => RunVerbAsync(ledger, ["users", "add", "anouk"], ""));

        Assert.Contains("Geen wachtwoord op standaardinvoer", error.Message, StringComparison.Ordinal);
        Assert.False(await ledger.RunAsync<BackOfficeUsers, bool>(users => users.AnyAsync(default)));
    }

    private static Task<string> RunVerbAsync(TestLedger ledger, string[] arguments, string input) =>
        ledger.RunAsync(async services =>
        {
            using var output = new StringWriter();
            await UserVerbs.RunAsync(Tijdig.Cli.CommandLine.Parse(arguments), services, new StringReader(input), output, default);
            return output.ToString();
        });
}
