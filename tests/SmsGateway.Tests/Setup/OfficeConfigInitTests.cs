using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Setup;

/// <summary><c>SmsGateway --init-config office.json</c> (issue 23, item 13): a first office configuration in minutes.
/// The program runs in a process of its own, as an office runs it.</summary>
public sealed class OfficeConfigInitTests : IDisposable
{
    private const string Password = "Slunecnice-na-radnici-7";
    private readonly string _dir = Directory.CreateTempSubdirectory("smsbooking-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static readonly JsonDocumentOptions WithComments = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Fills in what the file leaves to the office: the Twilio values and Redis (here the test server, under a
    /// prefix of its own).</summary>
    internal static void FillIn(string path)
    {
        var config = JsonNode.Parse(File.ReadAllText(path), documentOptions: WithComments)!;
        config["Twilio"]!["AccountSid"] = "AC0123456789abcdef0123456789abcdef";
        config["Twilio"]!["AuthToken"] = "0123456789abcdef0123456789abcdef";
        config["Twilio"]!["From"] = "+420736123456";
        config["Twilio"]!["PublicBaseUrl"] = "https://sms.example.cz";
        config["Redis"]!["Configuration"] = TestRedis.Configuration;
        config["Redis"]!["KeyPrefix"] = TestRedis.NewPrefix();
        File.WriteAllText(path, config.ToJsonString());
    }

    private Task<(int Exit, string StdErr, string StdOut)> InitAsync(string stdin, string file = "office.json") =>
        GatewayProcess.RunAsync(_dir, stdin, "--init-config", file);

    [Fact]
    public async Task InitConfig_WritesFreshKeysForEveryRole_AndTheUsersHash_ReadableByTheOwnerOnly()
    {
        var (exit, stderr, stdout) = await InitAsync($"petra\n{Password}\n");
        Assert.True(exit == 0, stderr);
        var path = Path.Combine(_dir, "office.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        var text = File.ReadAllText(path);
        using var config = JsonDocument.Parse(text, WithComments);
        var keys = config.RootElement.GetProperty("Kiosk").GetProperty("Keys").EnumerateArray()
            .Select(k => (Key: k.GetProperty("Key").GetString()!, Role: k.GetProperty("Role").GetString()!)).ToList();
        Assert.Equal(["kiosk", "counter", "board", "staff"], keys.Select(k => k.Role));
        Assert.All(keys, k => Assert.True(k.Key.Length >= 32 && !k.Key.StartsWith("change-me", StringComparison.Ordinal), k.Key));
        Assert.Equal(keys.Count, keys.Select(k => k.Key).Distinct().Count());
        var user = Assert.Single(config.RootElement.GetProperty("Staff").GetProperty("Users").EnumerateArray());
        Assert.Equal("petra", user.GetProperty("Name").GetString());
        Assert.True(StaffPasswords.Verify(user.GetProperty("PasswordHash").GetString()!, Password));
        Assert.DoesNotContain(Password, text);
        // Nothing secret on the terminal (or in a log that captures it).
        Assert.All(keys, k => Assert.DoesNotContain(k.Key, stdout + stderr));
        Assert.Contains("--config office.json", stdout);

        // A second run makes other keys: no two offices share one.
        var (again, _, _) = await InitAsync($"petra\n{Password}\n", "other.json");
        Assert.Equal(0, again);
        Assert.DoesNotContain(keys[0].Key, File.ReadAllText(Path.Combine(_dir, "other.json")));
    }

    [Fact]
    public async Task InitConfig_NeverOverwritesAFile()
    {
        var path = Path.Combine(_dir, "office.json");
        File.WriteAllText(path, "{ \"Redis\": { \"Configuration\": \"redis:6379\" } }");
        var (exit, stderr, _) = await InitAsync($"petra\n{Password}\n");
        Assert.Equal(2, exit);
        Assert.Contains("already exists; nothing was written", stderr);
        Assert.Equal("{ \"Redis\": { \"Configuration\": \"redis:6379\" } }", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("petra\nkratke\n", "at least 10 characters")]
    [InlineData("petra\n", "at least 10 characters")] // the input ended before a password
    [InlineData("an operator name that is longer than forty characters\nSlunecnice-7x\n", "1 to 40 characters")]
    public async Task InitConfig_ARefusedNameOrPassword_WritesNothing(string stdin, string said)
    {
        var (exit, stderr, _) = await InitAsync(stdin);
        Assert.Equal(2, exit);
        Assert.Contains(said, stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "office.json")));
    }

    [Fact]
    public async Task InitConfig_WithoutAUserName_WritesTheKeysAndNoConsoleUser()
    {
        Assert.Equal(0, (await InitAsync("\n")).Exit);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "office.json")), WithComments);
        Assert.False(config.RootElement.TryGetProperty("Staff", out _));
        Assert.Equal(4, config.RootElement.GetProperty("Kiosk").GetProperty("Keys").GetArrayLength());
    }

    [Fact]
    public async Task InitConfigFile_WithOnlyTwilioAndRedisFilledIn_StartsAGatewayInProduction_WhoseKeysWork()
    {
        Assert.Equal(0, (await InitAsync($"petra\n{Password}\n")).Exit);
        var path = Path.Combine(_dir, "office.json");
        FillIn(path);
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var kiosk = config.RootElement.GetProperty("Kiosk").GetProperty("Keys")[0].GetProperty("Key").GetString()!;

        await GatewayProcess.ServeAsync(_dir, ["--config", "office.json"], async http =>
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            var walkIn = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkin") { Content = JsonContent.Create(new { agenda = "OP" }) };
            walkIn.Headers.Add("X-Api-Key", kiosk);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(walkIn)).StatusCode);
            var shipped = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkin") { Content = JsonContent.Create(new { agenda = "OP" }) };
            shipped.Headers.Add("X-Api-Key", "change-me-entrance-kiosk-key");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(shipped)).StatusCode); // the placeholder is gone
        });
    }

    [Fact]
    public async Task InitConfigFile_NotFilledIn_StopsAGatewayInProduction_NamingTheTwilioKeysAndRedis()
    {
        Assert.Equal(0, (await InitAsync($"petra\n{Password}\n")).Exit);
        var (exit, stderr, _) = await GatewayProcess.RunAsync(_dir, "", "--config", "office.json", "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: ", stderr);
        Assert.Contains("Redis:Configuration: empty outside Development", stderr);
        Assert.DoesNotContain('\n', stderr);

        // With a store named, the Twilio keys are named next.
        (exit, stderr, _) = await GatewayProcess.RunAsync(_dir, "", "--config", "office.json", "--urls", "http://127.0.0.1:0", "--Redis:Embedded=true");
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: Twilio:", stderr);
        Assert.Contains("Twilio:AccountSid: empty", stderr);
        Assert.Contains("Twilio:AuthToken: is required", stderr);
        Assert.Contains("Twilio:From: a sender is required", stderr);
        Assert.DoesNotContain('\n', stderr);
    }
}
