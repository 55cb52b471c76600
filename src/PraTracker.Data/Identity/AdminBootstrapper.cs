using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PraTracker.Data.Identity;

/// <summary>Creates the roles and, on first start, the first admin from Admin:Email and Admin:Password.</summary>
public sealed class AdminBootstrapper(
    UserManager<PraTrackerUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<AdminBootstrapper> logger)
{
    public const string DefaultAdminEmail = "admin@pratracker.local";

    /// <summary>Ensures the roles exist and that there is an admin; returns the first admin's user id.</summary>
    /// <param name="announcePassword">Where a generated password is written, once; the console by default.</param>
    public async Task<string> EnsureAdminAsync(TextWriter? announcePassword = null)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Count > 0)
        {
            return admins.OrderBy(a => a.CreatedAt).First().Id;
        }

        var email = configuration["Admin:Email"] is { Length: > 0 } configured ? configured : DefaultAdminEmail;
        var password = configuration["Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = GeneratePassword();
        }

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new PraTrackerUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(admin, password!), $"create the first admin {email}");
        }
        else
        {
            generated = false;
        }

        Check(await users.AddToRoleAsync(admin, Roles.Admin), $"make {email} an admin");
        logger.LogInformation("Created the first admin {Email}", email);
        if (generated)
        {
            // Shown once, on the console only: it is never stored in clear or logged to a sink.
            (announcePassword ?? Console.Out).WriteLine(
                $"""

                ==== PraTracker: first admin created ====
                  e-mail:   {email}
                  password: {password}
                Set Admin:Email and Admin:Password to choose them; change this password after signing in.
                =========================================

                """);
        }

        return admin.Id;
    }

    private static string GeneratePassword()
    {
        // Meets the default Identity rules: upper, lower, digit and symbol, well over the minimum length.
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 20);
        return $"{body}-Aa9";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
