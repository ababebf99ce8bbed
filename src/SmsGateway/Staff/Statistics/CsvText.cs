using System.Text;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>CSV as Excel opens it in a Czech locale: UTF-8 with a byte-order mark (or Excel reads it as cp1250), <c>;</c>
/// between fields (the Czech list separator: the comma is the decimal mark), CRLF line ends, a field quoted when it holds
/// <c>;</c>, a quote or a line break (RFC 4180 quoting). A field starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>
/// gets a leading apostrophe, so that a name typed by a citizen is never run as a formula.</summary>
public sealed class CsvText
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StringBuilder _text = new();

    public CsvText Row(params IEnumerable<object?> fields)
    {
        _text.Append(string.Join(';', fields.Select(Field))).Append("\r\n");
        return this;
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>The text as UTF-8 bytes with the byte-order mark.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
