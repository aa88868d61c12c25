using Course.Core.Cli;
using Course.Core.Errors;
using Course.Credits.Protection;
using Microsoft.Extensions.Configuration;

namespace Course.Credits.Tests.Protection;

public sealed class CodeProtectorTests
{
    [Fact]
    public void Encrypt_ThenDecrypt_ReturnsTheCodeAndTheCipherTextHidesIt()
    {
        var (protector, _) = CreateSut();

        var secret = protector.Encrypt("id1", "PC-SECRET-1234");

        Assert.DoesNotContain("PC-SECRET", secret, StringComparison.Ordinal);
        Assert.Equal("PC-SECRET-1234", protector.Decrypt("id1", secret));
    }

    [Fact]
    public void Decrypt_UnderAnotherCodeId_FailsInsteadOfReturningGarbage()
    {
        var (protector, _) = CreateSut();
        var secret = protector.Encrypt("id1", "PC-SECRET-1234");

        Assert.Throws<WorkFailedException>(() => protector.Decrypt("id2", secret));
    }

    [Fact]
    public void Fingerprint_SameCodeDifferentCase_IsEqualAndNotTheCode()
    {
        var (protector, _) = CreateSut();

        Assert.Equal(protector.Fingerprint("abcd-1234"), protector.Fingerprint(" ABCD-1234 "));
        Assert.NotEqual(protector.Fingerprint("abcd-1234"), protector.Fingerprint("abcd-1235"));
    }

    [Fact]
    public void Key_NoKeyFileConfigured_CreatesOneOwnerOnlyBesideTheCourse()
    {
        var (protector, key) = CreateSut();

        protector.Fingerprint("abcd-1234");

        Assert.True(key.Created);
        Assert.Equal("credits.key", Path.GetFileName(key.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.Path));
    }

    private static (CodeProtector, KeyFile) CreateSut()
    {
        var folder = Path.Combine(Path.GetTempPath(), "credits-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var key = new KeyFile(new ConfigurationBuilder().Build(), new CoursePaths(Path.Combine(folder, "course.json")));
        return (new CodeProtector(key), key);
    }
}
