namespace Lessons.Infrastructure.Email;

public sealed class EmailOptions
{
    /// <summary><c>Pickup</c> (default): .eml files in <see cref="PickupDirectory"/>. <c>Smtp</c>: a real server.</summary>
    public string Delivery { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "data/mail";

    public string From { get; set; } = "Lessons <noreply@lessons.local>";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool EnableSsl { get; set; }
}
