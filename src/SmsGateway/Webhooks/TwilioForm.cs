using System.Text;
using Microsoft.Extensions.Primitives;

namespace SmsBooking.SmsGateway.Webhooks;

/// <summary>Reads Twilio's <c>application/x-www-form-urlencoded</c> webhook body.</summary>
/// <remarks>ASP.NET Core's form reader refuses a value holding <c>%00</c> with an exception (a 500 that Twilio would
/// retry), yet a UCS-2 SMS can carry U+0000. This reader takes any percent-encoded text, keeps repeated keys in their
/// order (the signature covers them all) and leaves what a value may contain to the conversation.</remarks>
public static class TwilioForm
{
    /// <summary>Twilio's largest inbound form (1600 characters of body, percent-encoded as UTF-8, and its other
    /// fields) is far below this.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The parsed form, or null when the body is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<FormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return Parse(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public static FormCollection Parse(string body)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[key] = fields.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }
        return new FormCollection(fields);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));
}
