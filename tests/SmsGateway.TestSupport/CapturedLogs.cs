using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>Every log line a gateway writes, formatted as a sink would see it: message, structured values, scopes
/// and exception.</summary>
[ProviderAlias("Captured")]
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append($" {key}={value}");
                }
            }
            owner._scopes.ForEachScope((scope, builder) => builder.Append($" scope={scope}"), line);
            if (exception is not null)
            {
                line.Append(' ').Append(exception);
            }
            owner.Lines.Enqueue(line.ToString());
        }
    }
}
