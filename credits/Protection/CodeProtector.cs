using System.Security.Cryptography;
using System.Text;

namespace Course.Credits.Protection;

/// <summary>
/// Encrypts codes (AES-256-GCM, random 96-bit nonce, the code's id as associated data so a
/// ciphertext cannot be moved to another row) and fingerprints them (HMAC-SHA256). Both keys are
/// derived from the key file with HKDF, so one file protects both and neither is stored.
/// </summary>
internal sealed class CodeProtector(KeyFile keyFile)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Lazy<(byte[] Encryption, byte[] Fingerprint)> _keys = new(() => (
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyFile.Key, 32, info: "course-credits/encryption/v1"u8.ToArray()),
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyFile.Key, 32, info: "course-credits/fingerprint/v1"u8.ToArray())));

    /// <summary>Codes are compared without surrounding space and case-insensitively (providers print them upper-case).</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public string Fingerprint(string code) =>
        Convert.ToBase64String(HMACSHA256.HashData(_keys.Value.Fingerprint, Encoding.UTF8.GetBytes(Normalize(code))));

    public string Encrypt(string codeId, string code)
    {
        var plain = Encoding.UTF8.GetBytes(code.Trim());
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys.Value.Encryption, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length),
            sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(codeId));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Decrypts; a wrong key file or a tampered row fails loudly rather than mailing garbage.</summary>
    public string Decrypt(string codeId, string secret)
    {
        var sealedBytes = Convert.FromBase64String(secret);
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(_keys.Value.Encryption, TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length),
                sealedBytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(codeId));
        }
        catch (AuthenticationTagMismatchException error)
        {
            throw new Core.Errors.WorkFailedException(
                $"code {codeId} cannot be decrypted with the key in {keyFile.Path} (wrong key file, or the row was altered)", error);
        }

        return Encoding.UTF8.GetString(plain);
    }
}
