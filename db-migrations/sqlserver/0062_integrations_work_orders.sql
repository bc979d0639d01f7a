-- 12345 hotline work orders received, one per line and order number: a work order pushed again answers the same petition.
CREATE TABLE integrations_work_orders (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    line NVARCHAR(20) NOT NULL,
    order_number NVARCHAR(100) NOT NULL,
    petition_id UNIQUEIDENTIFIER NOT NULL,
    petition_number NVARCHAR(40) NOT NULL,
    client_id UNIQUEIDENTIFIER NULL,
    due_at DATETIMEOFFSET(7) NULL,
    received_at DATETIMEOFFSET(7) NOT NULL
);

CREATE UNIQUE INDEX ux_integrations_work_orders_number ON integrations_work_orders (line, order_number);
