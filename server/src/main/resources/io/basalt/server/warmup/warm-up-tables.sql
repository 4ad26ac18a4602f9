-- The warm-up's tables (io.basalt.server.warmup.JitWarmUp), made in a private temporary database: a small star
-- schema with declared keys, every column derived from a counter so that the data is the same in every run.
-- Column types and value shapes are the usual analytical ones (keys, codes, prices, dates, short and long
-- text), so that the storage chooses the same encodings it chooses for real tables.
CREATE TABLE digits (d INTEGER NOT NULL);
INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE counter AS
    SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
    FROM digits a, digits b, digits c, digits e, digits f;

CREATE TABLE areas (
    area_id INTEGER NOT NULL PRIMARY KEY,
    area_name VARCHAR(25) NOT NULL
);
INSERT INTO areas VALUES (0, 'NORTH'), (1, 'SOUTH'), (2, 'EAST'), (3, 'WEST'), (4, 'CENTRE');

CREATE TABLE stores (
    store_id INTEGER NOT NULL PRIMARY KEY,
    store_name VARCHAR(25) NOT NULL,
    area_id INTEGER NOT NULL REFERENCES areas (area_id)
);
INSERT INTO stores
    SELECT n, 'store ' || CAST(n AS VARCHAR), n % 5 FROM counter WHERE n < 40;

CREATE TABLE clients (
    client_id BIGINT NOT NULL PRIMARY KEY,
    client_name VARCHAR(30) NOT NULL,
    store_id INTEGER NOT NULL REFERENCES stores (store_id),
    tier CHAR(10) NOT NULL,
    credit DECIMAL(12,2) NOT NULL,
    phone CHAR(15) NOT NULL,
    since DATE NOT NULL
);
INSERT INTO clients
    SELECT n,
           SUBSTRING('ABCDEFGHIJKLMNOPQRSTUVWXYZ' FROM n % 26 + 1 FOR 1) || 'client#' || CAST(n AS VARCHAR),
           n * 7 % 40,
           CASE n % 4 WHEN 0 THEN 'GOLD' WHEN 1 THEN 'SILVER' WHEN 2 THEN 'BRONZE' ELSE 'BASIC' END,
           CAST(CAST(n * 7919 % 1100000 - 100000 AS DECIMAL(14,2)) / 100 AS DECIMAL(12,2)),
           CAST(10 + n % 25 AS VARCHAR) || '-' || CAST(100 + n * 13 % 900 AS VARCHAR) || '-' || CAST(1000 + n * 31 % 9000 AS VARCHAR),
           DATE '2012-01-01' + n * 37 % 3000 * INTERVAL '1' DAY
    FROM counter WHERE n < 15000;

CREATE TABLE items (
    item_id INTEGER NOT NULL PRIMARY KEY,
    item_name VARCHAR(40) NOT NULL,
    family VARCHAR(20) NOT NULL,
    list_price DECIMAL(10,2) NOT NULL,
    weight INTEGER NOT NULL
);
INSERT INTO items
    SELECT n,
           CASE n % 3 WHEN 0 THEN 'SMALL ' WHEN 1 THEN 'MEDIUM ' ELSE 'LARGE ' END
               || CASE n % 5 WHEN 0 THEN 'red' WHEN 1 THEN 'green' WHEN 2 THEN 'blue' WHEN 3 THEN 'grey' ELSE 'gold' END
               || ' item ' || CAST(n AS VARCHAR),
           CASE n % 6 WHEN 0 THEN 'TOOLS' WHEN 1 THEN 'TOYS' WHEN 2 THEN 'BOOKS' WHEN 3 THEN 'GARDEN' WHEN 4 THEN 'FOOD' ELSE 'MUSIC' END,
           CAST(CAST(900 + n * 53 % 200000 AS DECIMAL(12,2)) / 100 AS DECIMAL(10,2)),
           1 + n * 17 % 50
    FROM counter WHERE n < 4000;

CREATE TABLE invoices (
    invoice_id BIGINT NOT NULL PRIMARY KEY,
    client_id BIGINT NOT NULL REFERENCES clients (client_id),
    state CHAR(1) NOT NULL,
    total DECIMAL(15,2) NOT NULL,
    issued DATE NOT NULL,
    urgency CHAR(15) NOT NULL,
    memo VARCHAR(79) NOT NULL
);
INSERT INTO invoices
    SELECT n,
           n * 13 % 15000,
           CASE WHEN n % 7 < 3 THEN 'F' WHEN n % 7 < 6 THEN 'O' ELSE 'P' END,
           CAST(CAST(CAST(n AS BIGINT) * 104729 % 50000000 AS DECIMAL(17,2)) / 100 AS DECIMAL(15,2)),
           DATE '2018-01-01' + n * 11 % 2400 * INTERVAL '1' DAY,
           CASE n % 5 WHEN 0 THEN '1-URGENT' WHEN 1 THEN '2-HIGH' WHEN 2 THEN '3-MEDIUM' WHEN 3 THEN '4-NOT SPECIFIED' ELSE '5-LOW' END,
           CASE n % 9 WHEN 0 THEN 'ask about the special offer requests' ELSE 'regular order, nothing to note' END
    FROM counter;

CREATE TABLE lines (
    invoice_id BIGINT NOT NULL REFERENCES invoices (invoice_id),
    line_no INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items (item_id),
    quantity DECIMAL(15,2) NOT NULL,
    price DECIMAL(15,2) NOT NULL,
    discount DECIMAL(15,2) NOT NULL,
    tax DECIMAL(15,2) NOT NULL,
    returned CHAR(1) NOT NULL,
    status CHAR(1) NOT NULL,
    shipped DATE NOT NULL,
    promised DATE NOT NULL,
    received DATE NOT NULL,
    carrier CHAR(10) NOT NULL,
    remark VARCHAR(44) NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
INSERT INTO lines
    SELECT c.n, k.d,
           (c.n * 7 + k.d * 1301) % 4000,
           CAST(1 + (c.n * 3 + k.d * 17) % 50 AS DECIMAL(15,2)),
           CAST(CAST(100000 + (c.n * 6971 + k.d * 31) % 9000000 AS DECIMAL(17,2)) / 100 AS DECIMAL(15,2)),
           CAST(CAST((c.n + k.d * 3) % 11 AS DECIMAL(15,2)) / 100 AS DECIMAL(15,2)),
           CAST(CAST((c.n * 5 + k.d) % 9 AS DECIMAL(15,2)) / 100 AS DECIMAL(15,2)),
           CASE WHEN (c.n + k.d) % 4 = 0 THEN 'R' WHEN (c.n + k.d) % 4 = 1 THEN 'A' ELSE 'N' END,
           CASE WHEN c.n * 11 % 2400 < 1300 THEN 'F' ELSE 'O' END,
           DATE '2018-01-01' + (c.n * 11 % 2400 + 1 + k.d * 13 % 120) * INTERVAL '1' DAY,
           DATE '2018-01-01' + (c.n * 11 % 2400 + 30 + k.d * 7 % 60) * INTERVAL '1' DAY,
           DATE '2018-01-01' + (c.n * 11 % 2400 + 2 + k.d * 13 % 120 + (c.n + k.d) % 30) * INTERVAL '1' DAY,
           CASE (c.n + k.d) % 7 WHEN 0 THEN 'MAIL' WHEN 1 THEN 'SHIP' WHEN 2 THEN 'AIR' WHEN 3 THEN 'TRUCK'
               WHEN 4 THEN 'RAIL' WHEN 5 THEN 'FOB' ELSE 'REG AIR' END,
           CASE (c.n * 3 + k.d) % 6 WHEN 0 THEN 'carefully final deposits' WHEN 1 THEN 'quickly special requests'
               WHEN 2 THEN 'blithely regular packages' WHEN 3 THEN 'furiously ironic accounts'
               WHEN 4 THEN 'slyly express theodolites' ELSE 'pending foxes sleep' END
    FROM counter c, digits k
    WHERE k.d < 4;
ANALYZE;
