using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>Thousands of random and hostile bodies at every step of the conversation: always a 200 with well-formed
/// TwiML and a reply of at most two segments, and the conversation is still usable afterwards.</summary>
public class FuzzTests
{
    private const int Seed = 20261125;
    private const int BodiesPerStep = 600;

    /// <summary>What brings a fresh phone to each step.</summary>
    public static TheoryData<string, string[]> Steps => new()
    {
        { nameof(ConversationState.Idle), [] },
        { nameof(ConversationState.ChoosingAgenda), ["Dobry den"] },
        { nameof(ConversationState.ChoosingActivity), ["Dobry den", "1"] },
        { nameof(ConversationState.ChoosingDay), ["Dobry den", "1", "1"] },
        { nameof(ConversationState.ChoosingTime), ["Dobry den", "1", "1", "1"] },
        { nameof(ConversationState.EnteringName), ["Dobry den", "1", "1", "1", "1"] },
        { nameof(ConversationState.Confirming), ["Dobry den", "1", "1", "1", "1", "Jana Novakova"] },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task RandomBodies_AtEveryStep_Always200WellFormedShortReply_NoCorruption(string step, string[] path)
    {
        var logs = new CapturedLogs();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Abuse:MaxMessagesPerWindow"] = "1000000",
            ["Booking:MaxUpcomingPerAgenda"] = "1000",
        }, logs: logs);
        var phones = gateway.App.Services.GetRequiredService<IPhoneStore>();
        var random = new Random(Seed + step.Sum(c => c)); // a seed of its own per step, the same every run
        var target = Enum.Parse<ConversationState>(step);
        var fresh = 0;

        async Task<SmsPhone> FreshPhoneAsync()
        {
            var phone = new SmsPhone(gateway, $"+420777{fresh++:000000}");
            foreach (var text in path)
            {
                Assert.NotNull(await phone.SendAsync(text));
            }
            return phone;
        }

        async Task<ConversationState> StateOfAsync(SmsPhone phone) =>
            ConversationSnapshot.FromJson(await phones.PeekSnapshotAsync(phone.Number)).State;

        var phone = await FreshPhoneAsync();
        Assert.Equal(target, await StateOfAsync(phone));
        for (int i = 0; i < BodiesPerStep; i++)
        {
            var body = RandomBody(random);
            var response = await phone.PostAsync(SmsPhone.Form(phone.Number, body, $"SM{Guid.NewGuid():N}"));
            var xml = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{response.StatusCode} for body #{i} {Describe(body)}\n"
                + string.Join("\n", logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).Take(3)));
            var reply = SmsPhone.ParseTwiml(xml); // well-formed, one <Message> at most
            Assert.False(string.IsNullOrWhiteSpace(reply), $"no reply to body #{i} {Describe(body)}");
            var size = SmsEncoding.Measure(reply!);
            // A body in Cyrillic is answered in Ukrainian from the first word (issue 26): its greeting is UCS-2, 3 segments,
            // as the UA keyword's always was; every Latin-script reply stays within 2.
            Assert.True(size.Segments <= (size.IsGsm7 ? 2 : 3), $"{size.Segments} segments in reply to body #{i} {Describe(body)}: {reply}");

            if (await StateOfAsync(phone) != target)
            {
                phone = await FreshPhoneAsync(); // the body was a valid answer (or a keyword): go on at the same step
            }
        }

        // No state corruption: the phone under fuzz still books, start to end.
        await phone.ExpectAsync("ZNOVU", "agendy");
        await phone.BookFromAgendaListAsync();
    }

    private static string Describe(string body) =>
        $"'{(body.Length > 60 ? body[..60] + "..." : body)}' ({body.Length} chars)";

    private static readonly string[] Hostile =
    [
        "", " ", "\t", "\r\n", "\0", "\u0001\u0002\u0003", "\u007f", "\u200b", "\ufeff", "\u202eABC", "\u00a0",
        "<Message>x</Message>", "</Response><Redirect>http://evil</Redirect>", "<![CDATA[", "]]>", "&amp;", "&#0;",
        "<script>alert(1)</script>", "\"'`", "{{7*7}}", "%s%s%n", "${jndi:ldap://x}", "'; DROP TABLE bookings; --",
        "0", "00", "01", "-1", "1.5", "1e9", "99999999999999999999", "+420601123456", "1,2", "½", "١", "①",
        "31.02.", "29.02.2027", "0.0.", "15.13.", "32.1.", "1.1.1900", "15.12.99999", "31.2.2026", "15/12", "2026-12-15",
        "25:99", "24:00", "9:60", "-1:00", "9.30", "09:30:00", "7:00", "23:59", "12:", ":30",
        "OBJ", "OBJ ZOP", "OBJ XYZ 31.02. 25:99 <b>", "OBJ ZOP 31.02. 9:00 NOVAK", "OBJ ZOP 15.12. 25:99 NOVAK",
        "VOLNO", "VOLNO XYZ", "VOLNO ZOP 31.02.", "STORNO XXXXXX", "STORNO 123", "DALSI DALSI", "ZPET ZPET",
        "😀", "👨‍👩‍👧", "Ř", "ŽLUŤOUČKÝ KŮŇ", "\uFFFE", "\uFFFF", "Привет", "你好", "مرحبا", "e\u0301", "ß", "ﬁ",
    ];

    private static string RandomBody(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return Hostile[random.Next(Hostile.Length)];
            case 1:
                return RandomText(random, random.Next(0, 40));
            case 2:
                return RandomText(random, random.Next(1500, 1700)); // longer than Twilio's 1600 concatenated limit
            case 3:
                return $"{random.Next(-5, 60)}.{random.Next(-1, 15)}.{(random.Next(2) == 0 ? "" : random.Next(1900, 2100).ToString())}";
            case 4:
                return $"{random.Next(-2, 30)}:{random.Next(-1, 100):00}";
            default:
                return string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Hostile[random.Next(Hostile.Length)]));
        }
    }

    /// <summary>Random text from several scripts, control characters and emoji; whole code points only (Twilio never
    /// sends a lone surrogate).</summary>
    private static string RandomText(Random random, int length)
    {
        (int From, int To)[] ranges =
        [
            (0x20, 0x7e), (0x00, 0x1f), (0xa0, 0x17f), (0x300, 0x36f), (0x400, 0x4ff), (0x600, 0x6ff),
            (0x2000, 0x206f), (0x4e00, 0x4fff), (0xe000, 0xe0ff), (0xfff0, 0xffff), (0x1f300, 0x1f6ff), (0x10000, 0x100ff),
        ];
        var text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            var (from, to) = ranges[random.Next(ranges.Length)];
            text.Append(char.ConvertFromUtf32(random.Next(from, to + 1)));
        }
        return text.ToString();
    }
}
