using Lessons.Infrastructure.Email;

using MailKit.Security;

namespace Lessons.UnitTests.Email;

/// <summary>How the SMTP settings turn into MailKit's connection security and the batch's token bucket.</summary>
public sealed class SmtpSettingsTests
{
    [Theory]
    [InlineData(SmtpSecurity.Auto, false, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData(SmtpSecurity.Auto, true, SecureSocketOptions.Auto)]
    [InlineData(SmtpSecurity.StartTls, false, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, false, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.None, true, SecureSocketOptions.None)]
    public void Starttls_is_used_whenever_offered_unless_the_settings_say_otherwise(SmtpSecurity security, bool enableSsl, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailSender.Security(new SmtpOptions { Security = security, EnableSsl = enableSsl }));

    [Fact]
    public void The_default_settings_use_starttls_when_offered()
    {
        var defaults = new SmtpOptions();

        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, SmtpEmailSender.Security(defaults));
    }

    [Theory]
    [InlineData(20, 2, 100)]
    [InlineData(15, 2, 133.333)]
    [InlineData(200, 20, 100)]
    [InlineData(1, 1, 1000)]
    [InlineData(0.5, 1, 2000)]
    public void The_send_rate_becomes_a_token_bucket_with_bursts_of_a_tenth_of_a_second(double perSecond, int burst, double periodMs)
    {
        var options = SendRate.Options(perSecond)!;

        Assert.Equal(burst, options.TokenLimit);
        Assert.Equal(burst, options.TokensPerPeriod);
        Assert.Equal(periodMs, options.ReplenishmentPeriod.TotalMilliseconds, 0.01);
        Assert.Equal(perSecond, options.TokensPerPeriod / options.ReplenishmentPeriod.TotalSeconds, 3);     // TimeSpan rounds to ticks
    }

    [Fact]
    public void A_send_rate_of_zero_means_no_limit() => Assert.Null(SendRate.Limiter(0));
}
