using Microsoft.Extensions.Logging;

namespace SmsBooking.BookingCore.Store.Embedded;

/// <summary>Garnet's logging into the host's: its warnings and errors under <c>Garnet.&lt;category&gt;</c>, nothing
/// below (Garnet tells a lot at start that an office need not read).</summary>
/// <remarks>Given a logger factory, Garnet warns on its argument parser's category that it ignores its own logging
/// options; that category passes errors only.</remarks>
internal sealed class GarnetLogs(ILoggerFactory host) : ILoggerFactory
{
    private const string ArgumentParser = "ArgParser";

    public ILogger CreateLogger(string categoryName) =>
        new AtLeast(host.CreateLogger("Garnet." + categoryName), categoryName == ArgumentParser ? LogLevel.Error : LogLevel.Warning);

    /// <summary>Garnet adds no provider to a factory it was given.</summary>
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Garnet's logs go to the host's providers");

    /// <summary>The host's factory is the host's to dispose.</summary>
    public void Dispose()
    {
    }

    private sealed class AtLeast(ILogger inner, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
