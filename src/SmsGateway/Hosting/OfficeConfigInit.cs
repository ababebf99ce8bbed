using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary><c>SmsGateway --init-config office.json</c>: an office's first configuration file, to be used with
/// <c>--config office.json</c>. It holds what no office may share with another and nobody should type by hand: a fresh
/// random key for each device role (kiosk, counters, board, the staff API), a console user with a password hash (the
/// name and password read from the terminal or standard input, never from the command line), and the Twilio and Redis
/// values left empty for the office to fill in; until they are, a gateway outside Development refuses to start and names
/// them. Never overwrites a file; on Unix the file is created readable by its owner only (0600).</summary>
public static class OfficeConfigInit
{
    /// <summary>The devices a first office has, each with a key of its own (<c>Kiosk:Keys</c>).</summary>
    private static readonly (string Role, string? Name)[] Devices =
    [
        ("kiosk", "entrance"),
        ("counter", null),
        ("board", "waiting room"),
        ("staff", "staff API"),
    ];

    /// <summary>Runs the command. <paramref name="readSecret"/> reads the password on a terminal without echoing it;
    /// null reads it as a line of <paramref name="input"/> (piped).</summary>
    /// <returns>0 written; 2 nothing written (the file exists, or the name or password was refused).</returns>
    public static int Run(string path, TextReader input, TextWriter output, TextWriter error, Func<string, string?>? readSecret = null)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            error.WriteLine($"{full} already exists; nothing was written. Choose another name, or remove it first.");
            return 2;
        }
        if (readSecret is not null)
        {
            error.Write("Staff console user name (empty: none for now): ");
        }
        var name = input.ReadLine()?.Trim() ?? "";
        string? hash = null;
        if (name.Length > 0)
        {
            if (name.Length > 40 || name.Any(char.IsControl))
            {
                error.WriteLine("A user name is 1 to 40 characters on one line; nothing was written.");
                return 2;
            }
            var password = readSecret is null ? input.ReadLine() : readSecret($"Password (at least {MinimumPasswordLength} characters): ");
            // The rule and the format of `SmsGateway --hash-password`.
            if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            {
                error.WriteLine($"A console password needs at least {MinimumPasswordLength} characters; nothing was written.");
                return 2;
            }
            if (readSecret is not null && readSecret("The same password again: ") != password)
            {
                error.WriteLine("The two passwords differ; nothing was written.");
                return 2;
            }
            hash = StaffPasswords.Hash(password);
        }
        try
        {
            Write(full, Render(Devices.Select(d => (d.Role, d.Name, NewKey())).ToList(), name.Length > 0 ? name : null, hash));
        }
        catch (IOException) when (File.Exists(full))
        {
            error.WriteLine($"{full} already exists; nothing was written.");
            return 2;
        }
        output.WriteLine($"Wrote {full}{(OperatingSystem.IsWindows() ? "" : " (readable by you only)")}: fresh device keys" +
            (hash is null ? "" : $" and the console user '{name}'") + ".");
        output.WriteLine("Fill in its Twilio values (AccountSid, AuthToken, From, PublicBaseUrl) and Redis:Configuration, then start the gateway with:");
        output.WriteLine($"  dotnet run --project src/SmsGateway -- --config {path}");
        return 0;
    }

    /// <summary>As <c>SmsGateway --hash-password</c> requires.</summary>
    private const int MinimumPasswordLength = 10;

    /// <summary>Reads a line from the terminal without showing it (the password), after <paramref name="prompt"/> on
    /// standard error.</summary>
    public static string? ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    /// <summary>A device key: 160 random bits as 40 hexadecimal characters (a header and a cookie carry it as it is).</summary>
    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    /// <summary>The file's text: JSON with comments (the configuration's JSON reader skips them).</summary>
    public static string Render(IReadOnlyList<(string Role, string? Name, string Key)> keys, string? staffName, string? passwordHash)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteCommentValue(" The office's own configuration (SmsGateway --init-config). It holds secrets: keep it readable by the gateway " +
                "only. Use it with --config office.json; environment variables and the command line still win. ");
            w.WriteStartObject("Twilio");
            w.WriteCommentValue(" Fill in from the Twilio Console: the Account SID (AC and 32 characters), its Auth Token, the office's number " +
                "(+420...), and the public https address Twilio calls (without it no delivery reports). ");
            foreach (var key in new[] { "AccountSid", "AuthToken", "From", "PublicBaseUrl" })
            {
                w.WriteString(key, "");
            }
            w.WriteEndObject();
            w.WriteStartObject("Redis");
            w.WriteCommentValue(" The office's Redis (host:port,password=...) with appendonly on (docs/operations.md). Empty: an in-process " +
                "store, for trying the product out only: nothing survives a restart. ");
            w.WriteString("Configuration", "");
            w.WriteEndObject();
            w.WriteStartObject("Kiosk");
            w.WriteCommentValue(" One random key per device: pair each screen once with its key (docs/screens.md); the staff key is for " +
                "/api/staff (docs/staff.md). A counter key's Name is its counter. Add a key per further device. ");
            w.WriteStartArray("Keys");
            foreach (var (role, name, key) in keys)
            {
                w.WriteStartObject();
                w.WriteString("Key", key);
                w.WriteString("Role", role);
                if (name is not null)
                {
                    w.WriteString("Name", name);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            if (staffName is not null && passwordHash is not null)
            {
                w.WriteStartObject("Staff");
                w.WriteCommentValue(" Who may sign in to /staff; more users: SmsGateway --hash-password makes a hash. ");
                w.WriteStartArray("Users");
                w.WriteStartObject();
                w.WriteString("Name", staffName);
                w.WriteString("PasswordHash", passwordHash);
                w.WriteString("Role", StaffRoles.Staff);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Creates the file, failing if it exists (no check-then-write race), owner-only on Unix.</summary>
    private static void Write(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(text);
    }
}
