using System.Text.RegularExpressions;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Where a step's allocations go, from the GC's allocation ticks (one about every 100 KB, with its stack) in a trace of
// the bench's --profile run: each tick is charged to the deepest frame of ours on its stack (SmsBooking.*), so what
// a library allocates for our call counts where we called it. Steps are counted by the load generator's own
// allocations, which no change of the gateway moves: 20.47 KB a step (its form, signature, HTTP client and XML reading,
// measured on main at c263947).
//
//   dotnet run -c Release --project bench/SmsBooking.Bench -- --profile      (prints the process id)
//   dotnet-trace collect -p PID --profile gc-verbose --duration 00:00:00:45 -o gateway.nettrace
//   dotnet run --project bench/AllocProfile -- gateway.nettrace [before.nettrace]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: AllocProfile after.nettrace [before.nettrace]");
    return 2;
}
const double LoadGeneratorKbPerStep = 20.47;
var after = Profile.Read(args[0], LoadGeneratorKbPerStep);
var before = args.Length == 2 ? Profile.Read(args[1], LoadGeneratorKbPerStep) : null;

Console.WriteLine($"{args[0]}: {after.Steps:0} steps, {after.Total:0.0} KB a step");
Console.WriteLine();
Console.WriteLine(before is null ? "| where (the deepest frame of ours) | KB/step |\n| --- | ---: |" : "| where (the deepest frame of ours) | before KB/step | after KB/step |\n| --- | ---: | ---: |");
foreach (var (name, _) in Profile.Buckets.Append(("other", "")))
{
    Console.WriteLine(before is null ? $"| {name} | {after.Bucket(name):0.0} |" : $"| {name} | {before.Bucket(name):0.0} | {after.Bucket(name):0.0} |");
}
Console.WriteLine(before is null ? $"| **all** | **{after.Total:0.0}** |" : $"| **all** | **{before.Total:0.0}** | **{after.Total:0.0}** |");
Console.WriteLine();
Console.WriteLine("The deepest frames of ours, KB a step:");
foreach (var (frame, kb) in after.ByFrame.OrderByDescending(p => p.Value).Take(60))
{
    Console.WriteLine($"{kb,8:0.00} {(frame.Length == 0 ? "(none of ours: Kestrel, sockets, the Redis client)" : frame)}");
}
return 0;

internal sealed class Profile
{
    /// <summary>The table's rows: the first whose pattern matches the frame takes the tick.</summary>
    public static readonly (string Name, string Pattern)[] Buckets =
    [
        ("load generator (client side, as for the baseline)", @"^SmsBooking\.(Bench|SmsSimulator)"),
        ("TwiML answer (TwimlWriter)", "TwimlWriter"),
        ("form read and parse (TwilioForm)", "TwilioForm"),
        ("signature check and the endpoint (RequestValidator, URL, content types, result)", "TwilioLibraryWire|WebhookAuthenticator|TwilioWebhookEndpoints"),
        ("ASP.NET Core below our middleware (authentication, rate limiter, routing)", "NetworkExposure|SecurityHeaders"),
        ("Kestrel, sockets, Redis client with no frame of ours", "^$"),
        ("texts, GSM fitting, input normalising", "ConversationTexts|SmsEncoding|InputText|Prompts"),
        ("reader (Conversation/Reading)", @"Conversation\.Reading"),
        ("Stateless machine and steps", @"ConversationMachine|Steps\.|Turn|ConversationEngine|Keywords|Cancellation|Confirmation"),
        ("snapshot JSON", "ConversationSnapshot|SnapshotJson"),
        ("unit of work and handler (lease, save, close)", "PhoneConversation|InboundSmsHandler|RedisPhoneStore"),
        ("calendar, slots, day use", "Calendar|Capacity|FreeSlots|BookingService"),
        ("booking store (Redis scripts, keys, records)", @"BookingCore\.Store|PlaceClaims|RedisKeys|StoredRecords"),
        ("statistics", "Statistics"),
    ];

    public double Steps { get; private init; }
    public Dictionary<string, double> ByFrame { get; } = [];
    public double Total => ByFrame.Values.Sum();

    public double Bucket(string name) => ByFrame.Where(p => (Buckets.FirstOrDefault(b => Regex.IsMatch(p.Key, b.Pattern)).Name ?? "other") == name).Sum(p => p.Value);

    public static Profile Read(string nettrace, double loadGeneratorKbPerStep)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(nettrace));
        var bytes = new Dictionary<string, double>();
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick)
            {
                continue;
            }
            string? ours = null;
            for (var frame = tick.CallStack(); frame is not null && ours is null; frame = frame.Caller)
            {
                var method = frame.CodeAddress.FullMethodName ?? "";
                ours = method.StartsWith("SmsBooking", StringComparison.Ordinal) ? method : null;
            }
            var key = ours is null ? "" : Regex.Replace(ours, @"\(.*$", "");
            bytes[key] = bytes.GetValueOrDefault(key) + tick.AllocationAmount64;
        }
        var loadGenerator = bytes.Where(p => Regex.IsMatch(p.Key, Buckets[0].Pattern)).Sum(p => p.Value);
        var steps = loadGenerator / 1024 / loadGeneratorKbPerStep;
        var profile = new Profile { Steps = steps };
        foreach (var (frame, b) in bytes)
        {
            profile.ByFrame[frame] = b / 1024 / steps;
        }
        return profile;
    }
}
