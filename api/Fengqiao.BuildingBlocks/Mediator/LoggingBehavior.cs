using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Fengqiao.BuildingBlocks.Mediator;

/// <summary>Logs each message by type and duration only: message bodies may hold personal data.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            LogFailed(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {Milliseconds:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} failed after {Milliseconds:0.0} ms with {Exception}")]
    private static partial void LogFailed(ILogger logger, string message, double milliseconds, string exception);
}
