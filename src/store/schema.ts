/**
 * The SQLite schema, as numbered migrations. `PRAGMA user_version` records
 * how many have run.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- One row a catalogue item; non-product codes (postage, fees, ...) are not here.
  CREATE TABLE products (
    stock_code TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL,
    category TEXT NOT NULL DEFAULT 'other',
    colours TEXT NOT NULL DEFAULT '[]',
    themes TEXT NOT NULL DEFAULT '[]',
    search_text TEXT NOT NULL DEFAULT '',
    n_orders INTEGER NOT NULL DEFAULT 0,
    n_customers INTEGER NOT NULL DEFAULT 0,
    units INTEGER NOT NULL DEFAULT 0,
    first_sold TEXT,
    last_sold TEXT
  );

  CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    country TEXT NOT NULL,
    first_order TEXT,
    last_order TEXT
  );

  -- One row an invoice. Guest invoices have no customer.
  CREATE TABLE orders (
    invoice TEXT PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(customer_id),
    date TEXT NOT NULL,
    country TEXT NOT NULL,
    is_cancellation INTEGER NOT NULL DEFAULT 0,
    cancels_invoice TEXT,
    total REAL NOT NULL DEFAULT 0,
    n_lines INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX orders_customer ON orders(customer_id, date);
  CREATE INDEX orders_date ON orders(date);

  -- is_product = 0 marks postage, fees, manual and other non-catalogue lines.
  CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    invoice TEXT NOT NULL REFERENCES orders(invoice),
    stock_code TEXT NOT NULL,
    description TEXT,
    quantity INTEGER NOT NULL,
    unit_price REAL NOT NULL,
    is_product INTEGER NOT NULL
  );
  CREATE INDEX order_lines_invoice ON order_lines(invoice);
  CREATE INDEX order_lines_stock ON order_lines(stock_code);

  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    customer_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{}'
  );

  CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    seq INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    cards TEXT NOT NULL DEFAULT '[]',
    client_message_id TEXT,
    turn_id TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, seq)
  );
  CREATE UNIQUE INDEX messages_client_id
    ON messages(conversation_id, client_message_id);
  `,
];
