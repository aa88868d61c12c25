using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Course.Credits.Ledger;
using Course.Credits.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Credits.Tests.Outbox;

/// <summary>
/// Codes cross the network only encrypted: against real SMTP servers (Debian python3-aiosmtpd) on this machine's
/// network address, which the grader must treat as remote, and on loopback.
/// </summary>
public sealed class SmtpTlsTests
{
    [Fact]
    public async Task Send_RemoteServerWithoutStartTls_SendsNothingAndKeepsTheMessageWithItsError()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder, SmtpSink.NetworkAddress());
        await smtp.StartAsync();
        Use(course, smtp);
        var code = await IssueOneAsync(course);

        var run = await CliRunner.RunAsync(course, "credits", "send");
        course.Clock.Advance(TimeSpan.FromHours(2));
        var retry = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Empty(smtp.Messages());
        Assert.Equal((1, 1), (run.ExitCode, retry.ExitCode));
        Assert.Contains($"{smtp.Host}:{smtp.Port} does not offer STARTTLS; set Smtp__AllowPlain=true only if", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(code, run.Out + run.Error + retry.Out + retry.Error, StringComparison.Ordinal);
        var message = Assert.Single(await OutboxAsync(course));
        Assert.Equal((OutboxState.Pending, 2), (message.State, message.Attempts));
        Assert.Contains("does not offer STARTTLS", message.LastError, StringComparison.Ordinal);
        Assert.True(message.NextAttemptAt > course.Clock.GetUtcNow(), "the message waits for its next attempt");
    }

    [Fact]
    public async Task Send_RemoteServerWithoutStartTlsAndAllowPlain_Delivers()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder, SmtpSink.NetworkAddress());
        await smtp.StartAsync();
        Use(course, smtp).With("Smtp:AllowPlain", "true");
        var code = await IssueOneAsync(course);

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(code, Assert.Single(smtp.Messages()).TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Send_LoopbackServerWithoutStartTls_Delivers(string host)
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder);
        await smtp.StartAsync();
        Use(course, smtp).With("Smtp:Host", host);
        var code = await IssueOneAsync(course);

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(code, Assert.Single(smtp.Messages()).TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_RemoteTlsServerWithPinnedCertificate_DeliversOverTls(bool implicitTls)
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder, SmtpSink.NetworkAddress());
        var (cert, key, fingerprint) = SelfSignedCertificate(course.Folder, smtp.Address);
        // aiosmtpd requires STARTTLS before MAIL when it offers it: a delivered message went encrypted.
        await smtp.StartAsync(implicitTls ? ["--smtpscert", cert, "--smtpskey", key] : ["--tlscert", cert, "--tlskey", key]);
        Use(course, smtp).With("Smtp:ImplicitTls", implicitTls ? "true" : "false").With("Smtp:CertificateSha256", fingerprint);
        var code = await IssueOneAsync(course);

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(code, Assert.Single(smtp.Messages()).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RemoteStartTlsServerWithUntrustedCertificate_SendsNothing()
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        await using var smtp = new SmtpSink(course.Folder, SmtpSink.NetworkAddress());
        var (cert, key, _) = SelfSignedCertificate(course.Folder, smtp.Address);
        await smtp.StartAsync("--tlscert", cert, "--tlskey", key, "--no-requiretls");
        Use(course, smtp);
        await IssueOneAsync(course);

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(smtp.Messages());
        var message = Assert.Single(await OutboxAsync(course));
        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Contains("the TLS handshake failed", message.LastError, StringComparison.Ordinal);
        Assert.Contains("Smtp__CertificateSha256", message.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smtp:AllowPlain", "yes", "Smtp__AllowPlain: 'yes' is not true or false")]
    [InlineData("Smtp:ImplicitTls", "1", "Smtp__ImplicitTls: '1' is not true or false")]
    [InlineData("Smtp:Port", "25x", "Smtp__Port: '25x' is not a port number")]
    [InlineData("Smtp:CertificateSha256", "AB:CD", "Smtp__CertificateSha256: 'AB:CD' is not a SHA-256 fingerprint")]
    public async Task Send_UnreadableSmtpSetting_ExitsTwoNamingTheKey(string key, string value, string expected)
    {
        await using var course = await TestCourse.CreateAsync(students: 1);
        course.With("Smtp:Host", "127.0.0.1").With(key, value);

        var run = await CliRunner.RunAsync(course, "credits", "send");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    private static TestCourse Use(TestCourse course, SmtpSink smtp) =>
        course.With("Smtp:Host", smtp.Host).With("Smtp:Port", $"{smtp.Port}").With("Smtp:From", "credits@course.example.edu")
            .With("Smtp:RetryAttempts", "1").With("Smtp:RetryDelay", "00:00:00");

    /// <summary>Imports one code and issues it to s01; returns the code.</summary>
    private static async Task<string> IssueOneAsync(TestCourse course)
    {
        var (file, codes) = course.WriteCodes(1);
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "import", file, "--provider", "aws", "--value", "50")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(course, "credits", "issue", "--policy", "welcome")).ExitCode);
        return codes[0];
    }

    /// <summary>A certificate for <paramref name="address"/> that no authority signed, as PEM files; and its SHA-256 fingerprint.</summary>
    private static (string Cert, string Key, string Fingerprint) SelfSignedCertificate(string folder, IPAddress address)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={address}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow(); // TLS checks validity against the real clock, not the test's
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var certFile = Path.Combine(folder, "smtp.crt");
        var keyFile = Path.Combine(folder, "smtp.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }

    private static Task<List<OutboxMessage>> OutboxAsync(TestCourse course) =>
        course.InScopeAsync(s => s.GetRequiredService<CreditsDbContext>().Outbox.AsNoTracking().ToListAsync());
}
