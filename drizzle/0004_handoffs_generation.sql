-- A value that changes with every write to handoffs (by any connection, also on a cascade from /forget), so the
-- open tickets read for every hand-off event can be cached and re-read only when they may have changed. A random
-- value rather than a counter: a rolled-back write brings the old value back, and a later write must not reuse the
-- value a cache took inside the rolled-back transaction.
CREATE TABLE `handoffs_generation` (`id` integer PRIMARY KEY CHECK (`id` = 1), `value` blob NOT NULL);
--> statement-breakpoint
INSERT INTO `handoffs_generation` (`id`, `value`) VALUES (1, randomblob(8));
--> statement-breakpoint
CREATE TRIGGER `handoffs_generation_insert` AFTER INSERT ON `handoffs`
BEGIN UPDATE `handoffs_generation` SET `value` = randomblob(8) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_generation_update` AFTER UPDATE ON `handoffs`
BEGIN UPDATE `handoffs_generation` SET `value` = randomblob(8) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `handoffs_generation_delete` AFTER DELETE ON `handoffs`
BEGIN UPDATE `handoffs_generation` SET `value` = randomblob(8) WHERE `id` = 1; END;
