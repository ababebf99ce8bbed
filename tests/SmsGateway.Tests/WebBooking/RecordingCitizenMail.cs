using System.Collections.Concurrent;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Mail;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>Test-only: records what the web booking asks <see cref="ICitizenMail"/> to send (deduplicated as the real
/// outbox is), so the pages' tests can follow the links of the e-mails. The e-mails themselves, through MailKit to an
/// SMTP server in the test process, are the mail half's tests.</summary>
public sealed class RecordingCitizenMail : ICitizenMail
{
    public sealed record Sent(CitizenMailKind Kind, string To, Language Language, BookingMailFacts Facts, string DedupeKey);

    private readonly ConcurrentDictionary<string, Sent> _sent = new();

    public IReadOnlyList<Sent> All => [.. _sent.Values];

    public Task<bool> SendAsync(CitizenMailKind kind, string to, Language language, BookingMailFacts facts, string dedupeKey) =>
        Task.FromResult(_sent.TryAdd(dedupeKey, new Sent(kind, to, language, facts, dedupeKey)));

    public IReadOnlyList<Sent> To(string email, CitizenMailKind kind) => All.Where(m => m.To == email && m.Kind == kind).ToList();

    /// <summary>The one e-mail of that kind to that address.</summary>
    public Sent Single(string email, CitizenMailKind kind) => Assert.Single(To(email, kind));
}
