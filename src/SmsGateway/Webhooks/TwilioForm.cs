using System.Buffers;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace SmsBooking.SmsGateway.Webhooks;

/// <summary>Reads Twilio's <c>application/x-www-form-urlencoded</c> webhook body.</summary>
/// <remarks>ASP.NET Core's form reader refuses a value holding <c>%00</c> with an exception (a 500 that Twilio would
/// retry), yet a UCS-2 SMS can carry U+0000. This reader takes any percent-encoded text, keeps repeated keys in their
/// order (the signature covers them all) and leaves what a value may contain to the conversation. The body is read
/// into a pooled buffer and split without copies: every webhook passes here, so it allocates only the strings of the
/// form.</remarks>
public static class TwilioForm
{
    /// <summary>Twilio's largest inbound form (1600 characters of body, percent-encoded as UTF-8, and its other
    /// fields) is far below this.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The most the first read is given room for, whatever the request announces: Twilio's forms fit (a
    /// 1600-character Ukrainian body is under 10 KB percent-encoded), and an unsigned request that announces more than
    /// it sends does not hold more than this until it sends it.</summary>
    public const int FirstRead = 16 * 1024;

    /// <summary>The parsed form, or null when the body is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<FormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        // One byte more than announced, so that the read that finds the end needs no larger buffer; but no more than
        // FirstRead on the word of a request not yet known to be Twilio's (it grows as the bytes really come).
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } announced ? (int)Math.Min(announced + 1, FirstRead) : 4096);
        try
        {
            var length = 0;
            int read;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                if ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) == 0)
                {
                    break;
                }
                length += read;
                if (length > MaxBytes)
                {
                    return null;
                }
            }
            return Parse(Encoding.UTF8.GetString(buffer, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int MostFieldsSized = 64;

    public static FormCollection Parse(string body)
    {
        var rest = body.AsSpan();
        // Sized for the fields, up to what Twilio sends (about 20, and 2 a media file): a body of '&' alone, unsigned,
        // must not reserve room for 64 K fields it does not have.
        var fields = new Dictionary<string, StringValues>(Math.Min(rest.Count('&') + 1, MostFieldsSized), StringComparer.Ordinal);
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? default : rest[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }
            var equals = pair.IndexOf('=');
            var encodedKey = equals < 0 ? pair : pair[..equals];
            var key = Known.TryGetValue(encodedKey, out var known) ? known : Decode(encodedKey);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[key] = fields.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }
        return new FormCollection(fields);
    }

    /// <summary>The fields Twilio sends with every inbound message and status callback, by their names as sent: one
    /// string each for every form, not one a form.</summary>
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Known = new[]
    {
        "AccountSid", "ApiVersion", "Body", "From", "FromCity", "FromCountry", "FromState", "FromZip", "MessageSid",
        "MessageStatus", "MessagingServiceSid", "NumMedia", "NumSegments", "SmsMessageSid", "SmsSid", "SmsStatus", "To",
        "ToCity", "ToCountry", "ToState", "ToZip", "ErrorCode", "ErrorMessage",
    }.ToDictionary(k => k, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>'+' as a space, then percent-decoding (as UTF-8; a malformed escape stays as written).</summary>
    private static string Decode(ReadOnlySpan<char> encoded)
    {
        var plus = encoded.IndexOf('+');
        if (plus < 0)
        {
            return encoded.Contains('%') ? Uri.UnescapeDataString(encoded) : encoded.ToString();
        }
        var spaced = ArrayPool<char>.Shared.Rent(encoded.Length);
        try
        {
            var copy = spaced.AsSpan(0, encoded.Length);
            encoded.CopyTo(copy);
            copy[plus..].Replace('+', ' ');
            return Uri.UnescapeDataString(copy);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(spaced);
        }
    }
}
