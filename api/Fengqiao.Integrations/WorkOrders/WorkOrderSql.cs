namespace Fengqiao.Integrations.WorkOrders;

internal static class WorkOrderSql
{
    public const string ByNumber = """
        SELECT w.petition_id AS PetitionId, w.petition_number AS PetitionNumber
        FROM integrations_work_orders w
        WHERE w.line = @Line AND w.order_number = @OrderNumber
        """;

    public const string Insert = """
        INSERT INTO integrations_work_orders (id, line, order_number, petition_id, petition_number, client_id, due_at, received_at)
        VALUES (@Id, @Line, @OrderNumber, @PetitionId, @PetitionNumber, @ClientId, @DueAt, @ReceivedAt)
        """;
}

internal sealed record WorkOrderRow(Guid PetitionId, string PetitionNumber);
