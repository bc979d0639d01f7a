-- 12345 hotline work orders received, one per line and order number: a work order pushed again answers the same petition.
CREATE TABLE integrations_work_orders (
    id TEXT NOT NULL PRIMARY KEY,
    line TEXT NOT NULL,
    order_number TEXT NOT NULL,
    petition_id TEXT NOT NULL,
    petition_number TEXT NOT NULL,
    client_id TEXT NULL,
    due_at TEXT NULL,
    received_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_integrations_work_orders_number ON integrations_work_orders (line, order_number);
