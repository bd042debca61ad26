-- When a consultant first took the ticket: the end of its wait in the queue. assigned_at is set again by a transfer,
-- so the wait estimate counted a transferred ticket's wait up to the transfer.
ALTER TABLE `handoffs` ADD `taken_at` integer;--> statement-breakpoint
-- Tickets taken before this column: their first take, assignment or transfer in the console's timeline.
UPDATE `handoffs` SET `taken_at` = COALESCE(
  (SELECT MIN(`created_at`) FROM `ticket_events` WHERE `handoff_id` = `handoffs`.`id`
     AND `kind` IN ('taken', 'assigned', 'transferred')),
  `assigned_at`)
WHERE `assigned_at` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `handoffs_taken` ON `handoffs` (`taken_at`);
