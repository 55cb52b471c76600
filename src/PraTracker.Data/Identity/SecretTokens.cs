using System.Security.Cryptography;
using System.Text;

namespace PraTracker.Data.Identity;

/// <summary>
/// The random secrets that stand for a credential in an address (calendar feeds, invitation links): 256 bits as
/// lowercase hex, of which only a SHA-256 hash is stored, so a database copy cannot be used to sign in.
/// </summary>
internal static class SecretTokens
{
    private const int Length = 64;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text could be a secret at all; anything else is refused before the database is asked.</summary>
    public static bool IsWellFormed(string? token) => token is { Length: Length } && token.All(char.IsAsciiHexDigitLower);
}
