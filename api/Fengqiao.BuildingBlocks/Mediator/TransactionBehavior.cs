using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Data;
using Mediator;

namespace Fengqiao.BuildingBlocks.Mediator;

/// <summary>Commands, and only commands, run as one unit of work that always leaves an audit row.</summary>
public sealed class TransactionBehavior<TMessage, TResponse>(UnitOfWork unitOfWork, AuditTrail auditTrail)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return await unitOfWork.ExecuteAsync(
            async token =>
            {
                var response = await next(message, token);
                auditTrail.RecordIfNothingRecorded(typeof(TMessage).Name);
                return response;
            },
            cancellationToken);
    }
}
