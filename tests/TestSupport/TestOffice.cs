using Microsoft.Extensions.Configuration;
using NodaTime;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.TestSupport;

/// <summary>The office as the shipped <c>appsettings.json</c> configures it, so tests also check the real file.</summary>
public static class TestOffice
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static IConfiguration ShippedConfiguration(IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot, "appsettings.json"))
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    public static OfficeOptions Options(IDictionary<string, string?>? overrides = null)
    {
        var options = new OfficeOptions();
        ShippedConfiguration(overrides).GetSection(OfficeOptions.SectionName).Bind(options);
        return options;
    }

    public static OfficeSettings Trutnov(IDictionary<string, string?>? overrides = null)
    {
        var settings = OfficeSettings.Create(Options(overrides), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }
        return settings;
    }

    /// <summary>An instant given as Prague wall-clock time.</summary>
    public static Instant Prague(int year, int month, int day, int hour, int minute, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Prague"]).ToInstant();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmsBooking.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SmsBooking.sln not found above " + AppContext.BaseDirectory);
    }
}
