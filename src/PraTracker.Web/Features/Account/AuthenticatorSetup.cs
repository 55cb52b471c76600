using System.Text;
using QRCoder;

namespace PraTracker.Web.Features.Account;

/// <summary>What an authenticator app needs to enrol: the key in readable groups and as a QR code of its otpauth address.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "PraTracker";

    /// <summary>The key in groups of four, lower case, as people type it into an app by hand.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The Key Uri Format authenticator apps read: otpauth://totp/Issuer:account?secret=...&amp;issuer=...</summary>
    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG of the QR code, as a data: address an img tag shows under the app's Content-Security-Policy.</summary>
    public static string QrCodeDataUri(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A code as people type it ("123 456", "123-456") reduced to its digits.</summary>
    public static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());
}
