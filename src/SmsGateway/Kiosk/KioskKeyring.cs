using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>The configured keys, kept as SHA-256 hashes, and the device each belongs to.</summary>
/// <remarks>A presented key is hashed once and compared with every configured key's hash in constant time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>), visiting all of them with no early exit and picking the
/// match without a branch: neither how much of a key was right nor which key matched shows in the answer's timing.
/// Hashing first also makes every comparison the same length, whatever the length of the keys.</remarks>
public sealed class KioskKeyring
{
    private readonly byte[][] _hashes;
    private readonly KioskDevice[] _devices;
    private readonly Dictionary<string, KioskDevice> _byKeyHash;

    public KioskKeyring(IOptions<KioskOptions> options)
    {
        var o = options.Value;
        var keys = new List<(string Key, KioskDevice Device)>();
        for (int i = 0; i < o.Keys.Count; i++)
        {
            var k = o.Keys[i];
            if (!string.IsNullOrEmpty(k.Key) && KioskRoles.TryParse(k.Role, out var role))
            {
                var agendas = k.Agendas.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
                keys.Add((k.Key, new KioskDevice(role, string.IsNullOrWhiteSpace(k.Name) ? null : k.Name.Trim(), QueueService.KeyHash(k.Key),
                    $"{KioskOptions.SectionName}:Keys:{i}", agendas.Count > 0 ? agendas : null)));
            }
        }
        for (int i = 0; i < o.ApiKeys.Count; i++)
        {
            if (!string.IsNullOrEmpty(o.ApiKeys[i]))
            {
                keys.Add((o.ApiKeys[i], new KioskDevice(KioskRole.LegacyDevice, null, QueueService.KeyHash(o.ApiKeys[i]),
                    $"{KioskOptions.SectionName}:ApiKeys:{i}")));
            }
        }
        _hashes = keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Key))).ToArray();
        _devices = keys.Select(k => k.Device).ToArray();
        _byKeyHash = _devices.GroupBy(d => d.KeyHash).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Every configured device, in the configuration's order.</summary>
    public IReadOnlyList<KioskDevice> Devices => _devices;

    /// <summary>The device whose key has this <see cref="KioskDevice.KeyHash"/> (a paired screen's record names its key
    /// so), or null once that key is changed or removed in the configuration.</summary>
    public KioskDevice? FindByKeyHash(string keyHash) => _byKeyHash.GetValueOrDefault(keyHash);

    /// <summary>The device whose key was presented, or null for an unknown or missing key.</summary>
    public KioskDevice? Find(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        var match = -1;
        for (int i = 0; i < _hashes.Length; i++)
        {
            var mask = -Convert.ToInt32(CryptographicOperations.FixedTimeEquals(_hashes[i], hash)); // all ones on a match
            match = (match & ~mask) | (i & mask);
        }
        return match < 0 ? null : _devices[match];
    }
}
