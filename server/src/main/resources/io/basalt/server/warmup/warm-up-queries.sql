-- The warm-up's queries (io.basalt.server.warmup.JitWarmUp), run over the tables of warm-up-tables.sql round after
-- round. They are written for the warm-up, not taken from a benchmark: each uses a handful of the constructs
-- analytical SQL is made of (filters of every kind, grouping, joins inner, outer, semi and anti, correlated and
-- uncorrelated subqueries, CASE, LIKE, string and date functions, DISTINCT, sorting with LIMIT, WITH), so that the
-- planner's rules and the executor's operators and kernels have run often enough for the JIT to compile them.
SELECT returned, status, SUM(quantity), SUM(price), SUM(price * (1 - discount)),
       SUM(price * (1 - discount) * (1 + tax)), AVG(quantity), AVG(price), AVG(discount), COUNT(*)
FROM lines
WHERE shipped <= DATE '2024-06-01' - INTERVAL '45' DAY
GROUP BY returned, status
ORDER BY returned, status;

SELECT a.area_name, SUM(l.price * (1 - l.discount)) AS revenue
FROM lines l
JOIN invoices i ON l.invoice_id = i.invoice_id
JOIN clients c ON i.client_id = c.client_id
JOIN stores s ON c.store_id = s.store_id
JOIN areas a ON s.area_id = a.area_id
WHERE a.area_name = 'EAST' AND i.issued >= DATE '2020-01-01' AND i.issued < DATE '2020-01-01' + INTERVAL '1' YEAR
GROUP BY a.area_name
ORDER BY revenue DESC;

SELECT SUM(price * discount)
FROM lines
WHERE shipped >= DATE '2021-01-01' AND shipped < DATE '2022-01-01' AND discount BETWEEN 0.03 AND 0.05 AND quantity < 25;

SELECT l.invoice_id, SUM(l.price * (1 - l.discount)) AS revenue, i.issued, i.urgency
FROM clients c
JOIN invoices i ON c.client_id = i.client_id
JOIN lines l ON l.invoice_id = i.invoice_id
WHERE c.tier = 'GOLD' AND i.issued < DATE '2021-03-15' AND l.shipped > DATE '2021-03-15'
GROUP BY l.invoice_id, i.issued, i.urgency
ORDER BY revenue DESC, i.issued
LIMIT 10;

SELECT i.urgency, COUNT(*) AS invoice_count
FROM invoices i
WHERE i.issued >= DATE '2019-07-01' AND i.issued < DATE '2019-10-01'
  AND EXISTS (SELECT * FROM lines l WHERE l.invoice_id = i.invoice_id AND l.promised < l.received)
GROUP BY i.urgency
ORDER BY i.urgency;

SELECT c.client_id, c.client_name, c.credit, SUM(l.price * (1 - l.discount)) AS revenue, a.area_name, c.phone
FROM clients c
JOIN invoices i ON c.client_id = i.client_id
JOIN lines l ON l.invoice_id = i.invoice_id
JOIN stores s ON c.store_id = s.store_id
JOIN areas a ON s.area_id = a.area_id
WHERE i.issued >= DATE '2020-10-01' AND i.issued < DATE '2021-01-01' AND l.returned = 'R'
GROUP BY c.client_id, c.client_name, c.credit, a.area_name, c.phone
ORDER BY revenue DESC
LIMIT 20;

SELECT c_count, COUNT(*) AS client_count
FROM (SELECT c.client_id, COUNT(i.invoice_id) AS c_count
      FROM clients c LEFT OUTER JOIN invoices i ON c.client_id = i.client_id AND i.memo NOT LIKE '%special%requests%'
      GROUP BY c.client_id) AS counts
GROUP BY c_count
ORDER BY client_count DESC, c_count DESC;

SELECT it.family, it.weight, COUNT(DISTINCT l.invoice_id) AS invoices
FROM items it
JOIN lines l ON l.item_id = it.item_id
WHERE it.family <> 'BOOKS' AND it.item_name NOT LIKE 'MEDIUM grey%' AND it.weight IN (3, 9, 14, 19, 23, 36, 45, 49)
GROUP BY it.family, it.weight
ORDER BY invoices DESC, it.family, it.weight;

SELECT 100.00 * SUM(CASE WHEN it.item_name LIKE 'LARGE%' THEN l.price * (1 - l.discount) ELSE 0 END)
       / SUM(l.price * (1 - l.discount)) AS large_share
FROM lines l
JOIN items it ON l.item_id = it.item_id
WHERE l.shipped >= DATE '2022-09-01' AND l.shipped < DATE '2022-09-01' + INTERVAL '1' MONTH;

SELECT EXTRACT(YEAR FROM i.issued) AS year,
       SUM(CASE WHEN a.area_name = 'WEST' THEN l.price * (1 - l.discount) ELSE 0 END) / SUM(l.price * (1 - l.discount)) AS share
FROM lines l
JOIN items it ON it.item_id = l.item_id
JOIN invoices i ON i.invoice_id = l.invoice_id
JOIN clients c ON c.client_id = i.client_id
JOIN stores s ON s.store_id = c.store_id
JOIN areas a ON a.area_id = s.area_id
WHERE it.family = 'TOOLS' AND i.issued BETWEEN DATE '2019-01-01' AND DATE '2021-12-31'
GROUP BY EXTRACT(YEAR FROM i.issued)
ORDER BY year;

SELECT SUM(l.price) / 7.0 AS yearly
FROM lines l
JOIN items it ON it.item_id = l.item_id
WHERE it.family = 'GARDEN' AND it.weight < 10
  AND l.quantity < (SELECT 0.2 * AVG(m.quantity) FROM lines m WHERE m.item_id = it.item_id);

SELECT SUBSTRING(c.phone FROM 1 FOR 2) AS prefix, COUNT(*) AS clients, SUM(c.credit) AS credit
FROM clients c
WHERE SUBSTRING(c.phone FROM 1 FOR 2) IN ('11', '13', '17', '19', '23', '29', '31')
  AND c.credit > (SELECT AVG(credit) FROM clients WHERE credit > 0.00)
  AND NOT EXISTS (SELECT * FROM invoices i WHERE i.client_id = c.client_id AND i.state = 'P')
GROUP BY SUBSTRING(c.phone FROM 1 FOR 2)
ORDER BY prefix;

WITH item_revenue AS (
    SELECT item_id, SUM(price * (1 - discount)) AS revenue
    FROM lines
    WHERE shipped >= DATE '2020-01-01' AND shipped < DATE '2020-04-01'
    GROUP BY item_id)
SELECT it.item_id, it.item_name, r.revenue
FROM items it JOIN item_revenue r ON it.item_id = r.item_id
WHERE r.revenue = (SELECT MAX(revenue) FROM item_revenue)
ORDER BY it.item_id;

SELECT l.carrier,
       SUM(CASE WHEN i.urgency = '1-URGENT' OR i.urgency = '2-HIGH' THEN 1 ELSE 0 END) AS high,
       SUM(CASE WHEN i.urgency <> '1-URGENT' AND i.urgency <> '2-HIGH' THEN 1 ELSE 0 END) AS low
FROM invoices i JOIN lines l ON i.invoice_id = l.invoice_id
WHERE l.carrier IN ('MAIL', 'SHIP') AND l.received > l.promised AND l.shipped < l.promised
  AND l.received >= DATE '2021-01-01' AND l.received < DATE '2022-01-01'
GROUP BY l.carrier
ORDER BY l.carrier;

SELECT c.client_name, c.client_id, i.invoice_id, i.issued, i.total, SUM(l.quantity)
FROM clients c
JOIN invoices i ON c.client_id = i.client_id
JOIN lines l ON i.invoice_id = l.invoice_id
WHERE i.invoice_id IN (SELECT invoice_id FROM lines GROUP BY invoice_id HAVING SUM(quantity) > 120)
GROUP BY c.client_name, c.client_id, i.invoice_id, i.issued, i.total
ORDER BY i.total DESC, i.issued
LIMIT 50;

SELECT SUM(l.price * (1 - l.discount)) AS revenue
FROM lines l JOIN items it ON it.item_id = l.item_id
WHERE (it.family = 'TOOLS' AND it.item_name LIKE 'SMALL%' AND l.quantity BETWEEN 1 AND 11 AND it.weight BETWEEN 1 AND 5
       AND l.carrier IN ('AIR', 'REG AIR'))
   OR (it.family = 'TOYS' AND it.item_name LIKE 'MEDIUM%' AND l.quantity BETWEEN 10 AND 20 AND it.weight BETWEEN 1 AND 10
       AND l.carrier IN ('AIR', 'REG AIR'))
   OR (it.family = 'FOOD' AND it.item_name LIKE 'LARGE%' AND l.quantity BETWEEN 20 AND 30 AND it.weight BETWEEN 1 AND 15
       AND l.carrier IN ('AIR', 'REG AIR'));

SELECT s.store_name, s.store_id
FROM stores s
WHERE s.store_id IN (
        SELECT c.store_id FROM clients c
        WHERE c.client_id IN (SELECT client_id FROM invoices WHERE total > 400000.00)
          AND c.credit > (SELECT 0.5 * AVG(m.credit) FROM clients m WHERE m.store_id = c.store_id))
ORDER BY s.store_name;

SELECT c.client_name, COUNT(*) AS late
FROM clients c
JOIN invoices i ON i.client_id = c.client_id
JOIN lines l1 ON l1.invoice_id = i.invoice_id
WHERE i.state = 'F' AND l1.received > l1.promised
  AND EXISTS (SELECT * FROM lines l2 WHERE l2.invoice_id = l1.invoice_id AND l2.line_no <> l1.line_no)
  AND NOT EXISTS (SELECT * FROM lines l3 WHERE l3.invoice_id = l1.invoice_id AND l3.line_no <> l1.line_no
                  AND l3.received > l3.promised)
GROUP BY c.client_name
ORDER BY late DESC, c.client_name
LIMIT 100;

SELECT it.family, it.weight, COUNT(*) AS lines_count, MIN(l.price), MAX(l.price), MIN(l.shipped), MAX(l.remark)
FROM lines l JOIN items it ON l.item_id = it.item_id
WHERE l.remark LIKE '%special%' OR l.remark LIKE 'quickly%'
GROUP BY it.family, it.weight
HAVING COUNT(*) > 10
ORDER BY lines_count DESC, it.family
LIMIT 25;

SELECT UPPER(a.area_name), s.store_name, COUNT(DISTINCT c.client_id), AVG(c.credit), MAX(c.since)
FROM areas a JOIN stores s ON s.area_id = a.area_id LEFT JOIN clients c ON c.store_id = s.store_id AND c.tier <> 'BASIC'
GROUP BY UPPER(a.area_name), s.store_name
ORDER BY 1, 2;
