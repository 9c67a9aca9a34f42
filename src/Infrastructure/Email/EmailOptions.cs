namespace Lessons.Infrastructure.Email;

public sealed class EmailOptions
{
    /// <summary><c>Pickup</c> (default): .eml files in <see cref="PickupDirectory"/>. <c>Smtp</c>: a real server.</summary>
    public string Delivery { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "data/mail";

    public string From { get; set; } = "Lessons <noreply@lessons.local>";

    public SmtpOptions Smtp { get; set; } = new();
}

public enum SmtpSecurity
{
    /// <summary>STARTTLS whenever the server offers it; with <see cref="SmtpOptions.EnableSsl"/>, TLS from the first byte on port 465.</summary>
    Auto,

    /// <summary>STARTTLS required: a server that does not offer it is not sent to.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text, even when the server offers STARTTLS: only for a relay on the same machine.</summary>
    None,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public string? User { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>The older switch, still honoured with <see cref="SmtpSecurity.Auto"/>: TLS on connect when the port is 465.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>For connecting and for every reply of the server.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pace of a batch (the digest); 0 sends as fast as the server answers.</summary>
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>Tries per message in a batch, the first included, when the failure is transient.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The wait before the second try; it doubles before each further try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
