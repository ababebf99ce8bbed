using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace SmsBooking.SmsGateway.Tests.Twilio;

/// <summary>The compressed copy of Twilio's OpenAPI description in <c>tests/peers</c> stands in for <c>shared/</c> on a
/// machine without it: it must be the same file, byte for byte.</summary>
public class VendoredSpecTests
{
    private static byte[] Vendored()
    {
        using var gz = new GZipStream(File.OpenRead(PrismMock.VendoredSpecPath), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gz.CopyTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void VendoredCopy_IsTwiliosDescription_AndTheSharedFileWhereThatExists()
    {
        var vendored = Vendored();
        using var doc = JsonDocument.Parse(vendored);
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString());
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/2010-04-01/Accounts/{AccountSid}/Messages.json", out _));
        if (File.Exists(PrismMock.SharedSpecPath))
        {
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(PrismMock.SharedSpecPath))), Convert.ToHexString(SHA256.HashData(vendored)));
        }
    }
}
