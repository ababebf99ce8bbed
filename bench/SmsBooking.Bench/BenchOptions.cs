namespace SmsBooking.Bench;

/// <summary>What one run measures and how long.</summary>
public sealed record BenchOptions
{
    public string Mode { get; init; } = "full";
    /// <summary>Only the gateway, at 64 users, for a profiler to attach to (<c>dotnet-trace collect -p PID</c>).</summary>
    public bool ProfileOnly { get; init; }
    /// <summary>An existing Redis (<c>host:port</c>); empty starts a private redis-server with <see cref="Aof"/>.</summary>
    public string? Redis { get; init; }
    public string Aof { get; init; } = "always";
    /// <summary>The store's server when no <see cref="Redis"/> is given: <c>redis</c> (a private redis-server with
    /// <see cref="Aof"/>), <c>garnet</c> (the embedded Garnet in this process, as the gateway's default) or <c>both</c>
    /// (one after the other in one run, compared side by side).</summary>
    public string Store { get; init; } = "redis";
    public int[] Concurrency { get; init; } = [1, 4, 16, 64];
    public TimeSpan LevelDuration { get; init; } = TimeSpan.FromSeconds(10);
    public int RushPhones { get; init; } = 20_000;
    /// <summary>Counters of Evidence obyvatel in the rush (an agenda may have at most 100).</summary>
    public int RushCounters { get; init; } = 100;
    /// <summary>Slots of 15 minutes from 08:00: 20 are five hours.</summary>
    public int RushSlots { get; init; } = 20;
    /// <summary>The activity's bookings per counter and hour (<c>BookablePerHour</c>; Trutnov's is 1): checked in every
    /// hold as the office's is. The full run's 4 equals the hour's four slots, so the 100 counters' 2,000 places of the
    /// earlier runs stay comparable while each hold still passes the quota's check at its bound.</summary>
    public int RushBookablePerHour { get; init; } = 4;
    public int RushConcurrency { get; init; } = 256;
    public string Output { get; init; } = "bench/results/latest.md";
    /// <summary>Only the wire comparison (issue 14): Twilio's library against the hand-written wire it replaced.</summary>
    public bool CompareWire { get; init; }
    /// <summary>Rounds of the wire comparison: each variant runs once a round at each level, in a rotating order.</summary>
    public int WireRounds { get; init; } = 3;

    /// <summary>Only the cost of <c>Redis:MinReplicaAcks=1</c>: a private master with a local replica, the gateway with
    /// 0 and with 1 at each of <see cref="ReplicaConcurrency"/>, in the same run.</summary>
    public bool ReplicaOnly { get; init; }

    /// <summary>Also measure replica acknowledgements after the other phases (the smoke run does, briefly).</summary>
    public bool WithReplicaPhase { get; init; }

    public int[] ReplicaConcurrency { get; init; } = [1, 16, 64];

    /// <summary>Each setting's time at a level is cut in this many slices, alternated with the other's (0 1, 1 0, ...).</summary>
    public int ReplicaSlices { get; init; } = 3;

    /// <summary>The board run (<c>--board</c>): boards connected at once, calls made, and the pause between two calls.</summary>
    public int BoardConnections { get; init; } = 200;
    public int BoardCalls { get; init; } = 40;
    public TimeSpan BoardCallInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The sign-in spray run (<c>--signin-spray</c>): sign-in attempts a second and the connections that send
    /// them, and the webhooks' open-loop rate and users beside them. The time per setting is <see cref="LevelDuration"/>,
    /// in <see cref="ReplicaSlices"/> slices.</summary>
    public double SprayRate { get; init; } = 50;
    public int SprayConcurrency { get; init; } = 32;
    public double SprayWebhookRate { get; init; } = 50;
    public int SprayWebhookUsers { get; init; } = 16;

    /// <summary>The sign-in spray against the webhooks, about a minute (<c>--signin-spray</c>).</summary>
    public static BenchOptions SignInSpray { get; } = new()
    {
        Mode = "signin-spray",
        LevelDuration = TimeSpan.FromSeconds(15),
        ReplicaSlices = 5,
        Output = "bench/results/signin-spray.md",
    };

    /// <summary>What the test suite runs of the spray: correctness only, a second per setting.</summary>
    public static BenchOptions SignInSpraySmoke { get; } = SignInSpray with
    {
        Mode = "signin-spray-smoke",
        LevelDuration = TimeSpan.FromSeconds(1),
        ReplicaSlices = 1,
        SprayRate = 30,
        SprayConcurrency = 8,
        SprayWebhookRate = 20,
        SprayWebhookUsers = 4,
        Output = Path.Combine(Path.GetTempPath(), "smsbooking-bench-signin-spray-smoke.md"),
    };

    /// <summary>The board run with 200 boards (<c>--board</c>).</summary>
    public static BenchOptions Board { get; } = new() { Mode = "board", Output = "bench/results/board.md" };

    /// <summary>What the test suite runs of the board run: correctness only, a few boards, a few calls.</summary>
    public static BenchOptions BoardSmoke { get; } = new()
    {
        Mode = "board-smoke",
        BoardConnections = 10,
        BoardCalls = 3,
        BoardCallInterval = TimeSpan.FromMilliseconds(100),
        Output = Path.Combine(Path.GetTempPath(), "smsbooking-bench-board-smoke.md"),
    };

    public static BenchOptions Full { get; } = new();

    /// <summary>A gateway idle, its background's requests a second (<c>--idle</c>, about a minute).</summary>
    public static BenchOptions Idle { get; } = new() { Mode = "idle", LevelDuration = TimeSpan.FromSeconds(15), Output = "bench/results/idle.md" };

    /// <summary>Under a minute: the same phases, shorter and smaller.</summary>
    public static BenchOptions Quick { get; } = new()
    {
        Mode = "quick",
        Concurrency = [1, 16, 64],
        LevelDuration = TimeSpan.FromSeconds(3),
        RushPhones = 2_000,
        RushCounters = 40,
        RushBookablePerHour = 1,
        Output = "bench/results/quick.md",
    };

    /// <summary>What the test suite runs to keep the harness alive: correctness only, a few seconds.</summary>
    public static BenchOptions Smoke { get; } = new()
    {
        Mode = "smoke",
        Concurrency = [4],
        LevelDuration = TimeSpan.FromSeconds(1),
        RushPhones = 300,
        RushCounters = 8,
        RushBookablePerHour = 1,
        RushSlots = 20,
        RushConcurrency = 32,
        WithReplicaPhase = true,
        ReplicaConcurrency = [4],
        ReplicaSlices = 1,
        Output = Path.Combine(Path.GetTempPath(), "smsbooking-bench-smoke.md"),
    };

    /// <summary>The replica acknowledgement comparison alone, about a minute and a half (<c>--replica-acks</c>).</summary>
    public static BenchOptions ReplicaAcks { get; } = new()
    {
        Mode = "replica-acks",
        ReplicaOnly = true,
        LevelDuration = TimeSpan.FromSeconds(10),
        Output = "bench/results/replica-acks.md",
    };

    /// <summary>Each hour takes counters × the quota, never more than its slots × counters.</summary>
    public int RushPlaces => Enumerable.Range(0, (RushSlots + 3) / 4)
        .Sum(hour => RushCounters * Math.Min(RushBookablePerHour, Math.Min(4, RushSlots - (hour * 4))));

    public static BenchOptions Parse(string[] args)
    {
        var options = Full;
        var explicitOut = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            explicitOut |= args[i] == "--out";
            options = args[i] switch
            {
                "--quick" => Quick with { Redis = options.Redis, Aof = options.Aof, Store = options.Store },
                "--smoke" => Smoke with { Redis = options.Redis, Aof = options.Aof, Store = options.Store },
                "--full" => Full with { Redis = options.Redis, Aof = options.Aof, Store = options.Store },
                "--replica-acks" => ReplicaAcks with { Aof = options.Aof },
                "--board" => Board with { Redis = options.Redis, Aof = options.Aof, Store = options.Store },
                "--idle" => Idle with { Aof = options.Aof },
                "--signin-spray" => SignInSpray with { Redis = options.Redis, Aof = options.Aof, Store = options.Store },
                "--spray-rate" => options with { SprayRate = Count(Value()) },
                "--seconds" => options with { LevelDuration = TimeSpan.FromSeconds(Count(Value())) },
                "--boards" => options with { BoardConnections = Count(Value()) },
                "--calls" => options with { BoardCalls = Count(Value()) },
                "--redis" => options with { Redis = Value() },
                "--profile" => options with { ProfileOnly = true, LevelDuration = TimeSpan.FromSeconds(60) },
                "--wire" => options with { CompareWire = true, Output = options.Output.Replace(".md", "-wire.md", StringComparison.Ordinal) },
                "--users" => options with { Concurrency = Value().Split(',').Select(u => int.Parse(u, System.Globalization.CultureInfo.InvariantCulture)).ToArray() },
                "--rounds" => options with { WireRounds = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--aof" => options with { Aof = CheckAof(Value()) },
                "--store" => options with { Store = CheckStore(Value()) },
                "--out" => options with { Output = Value() },
                _ => throw new ArgumentException($"unknown argument {args[i]}; use --quick, --smoke, --full, --replica-acks, --profile, --wire [--rounds N], --board [--boards N] [--calls N], --signin-spray [--spray-rate N] [--seconds N], --idle [--seconds N], --users 1,16,64, --redis host:port, --store redis|garnet|both, --aof always|everysec|no, --out file"),
            };
        }
        if (options.Store != "redis" && (options.Mode is not ("full" or "quick" or "smoke") || options.CompareWire || options.ProfileOnly))
        {
            throw new ArgumentException("--store garnet|both is for the main run (full, --quick, --smoke)");
        }
        if (options.Store == "both" && !explicitOut)
        {
            options = options with { Output = options.Output.Replace(".md", "-stores.md", StringComparison.Ordinal) };
        }
        return options;
    }

    private static int Count(string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"'{value}' is not a positive number");

    private static string CheckStore(string value) =>
        value is "redis" or "garnet" or "both" ? value : throw new ArgumentException("--store is redis, garnet or both");

    private static string CheckAof(string value) =>
        value is "always" or "everysec" or "no" ? value : throw new ArgumentException("--aof is always, everysec or no");
}
