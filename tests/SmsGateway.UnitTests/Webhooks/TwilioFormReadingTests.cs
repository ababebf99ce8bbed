using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsGateway.Webhooks;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests.Webhooks;

/// <summary>The webhook's form reader before the signature is checked: what an unsigned request can make it reserve,
/// and that it reads Twilio's forms as ASP.NET Core's own reader does, however the body arrives.</summary>
public class TwilioFormReadingTests
{
    private const string Url = "https://sms.trutnov.example/sms/inbound";
    private const string Token = "12345678901234567890123456789012";

    /// <summary>Twilio-like forms: Czech, Ukrainian, emoji, '+' typed by the citizen, empty values, MediaUrl0..n.</summary>
    public static TheoryData<string> Bodies() => new()
    {
        "Příliš žluťoučký kůň úpěl ďábelské ódy",
        "Доброго дня, хочу записатися на ЦНАП ґїє",
        "😀👍🏽 ok",
        "1+1 = 2 & 100% \"x\" <y>",
        "",
        "  leading and trailing  ",
    };

    [Fact]
    public void Parse_ABodyOfSeparatorsOnly_ReservesNoRoomForFieldsItDoesNotHave()
    {
        var body = new string('&', TwilioForm.MaxBytes);
        TwilioForm.Parse("Body=a&From=b");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var form = TwilioForm.Parse(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Empty(form);
        Assert.True(allocated < 16 * 1024, $"an unsigned form of 64 KB of '&' made the reader allocate {allocated} bytes");
    }

    [Fact]
    public async Task ReadAsync_AFormAnnouncedLargerThanItArrives_DoesNotReserveTheAnnouncedSizeUpFront()
    {
        var body = new ChunkedBody(Encoding.ASCII.GetBytes("Body=1&From=%2B420601123456"), chunk: 64);
        var form = await TwilioForm.ReadAsync(Request(body, announced: TwilioForm.MaxBytes), CancellationToken.None);
        Assert.Equal("1", form!["Body"].ToString());
        Assert.True(body.LargestOffered <= TwilioForm.FirstRead,
            $"a request that announced {TwilioForm.MaxBytes} bytes and sent 27 was given a {body.LargestOffered}-byte buffer");
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ReadAsync_ReadsWhatAspNetCoreReads_EvenOneByteAtATime_AndTheSignatureHolds(string text)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Body", text), new("From", "+420601123456"), new("MessageSid", "SM1"), new("NumMedia", "2"),
            new("MediaUrl0", "https://api.twilio.com/m/0?a=1&b=2"), new("MediaUrl1", ""), new("ToState", ""),
        };
        var encoded = Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f =>
            Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value).Replace("%20", "+"))));
        foreach (var chunk in new[] { 1, 7, encoded.Length + 1 })
        {
            var ours = await TwilioForm.ReadAsync(Request(new ChunkedBody(encoded, chunk), encoded.Length), CancellationToken.None);
            var theirs = await new FormReader(new MemoryStream(encoded)).ReadFormAsync();
            Assert.Equal(theirs.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value.ToString())),
                ours!.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value.ToString())));

            using var wire = new TwilioLibraryWire(Options.Create(new TwilioOptions { AuthToken = Token }));
            var signature = TwilioSignature.Sign(Token, Url, fields);
            Assert.True(wire.IsSignedByTwilio(Url, WebhookAuthenticator.Parameters(ours!), signature), $"chunk {chunk}");
            var forged = fields.Select(f => f.Key == "From" ? new KeyValuePair<string, string>(f.Key, "+420601123457") : f).ToList();
            Assert.False(wire.IsSignedByTwilio(Url, WebhookAuthenticator.Parameters(ours!), TwilioSignature.Sign(Token, Url, forged)));
        }
    }

    [Fact]
    public async Task ReadAsync_ALegitimateLargeForm_GrowsPastTheFirstReadAndIsReadWhole()
    {
        var text = string.Concat(Enumerable.Repeat("žluťoučký 😀 ", 400));
        var encoded = Encoding.ASCII.GetBytes("From=%2B1&Body=" + Uri.EscapeDataString(text));
        Assert.True(encoded.Length > TwilioForm.FirstRead);
        var form = await TwilioForm.ReadAsync(Request(new ChunkedBody(encoded, 4096), encoded.Length), CancellationToken.None);
        Assert.Equal(text, form!["Body"].ToString());
    }

    private static HttpRequest Request(Stream body, long announced)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.ContentLength = announced;
        http.Request.Body = body;
        return http.Request;
    }

    /// <summary>A body that hands out at most <c>chunk</c> bytes a read and notes the largest buffer it was offered.</summary>
    private sealed class ChunkedBody(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public int LargestOffered { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            LargestOffered = Math.Max(LargestOffered, buffer.Length);
            var n = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            return ValueTask.FromResult(n);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).Result;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
