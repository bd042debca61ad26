DROP INDEX `inbound_status`;--> statement-breakpoint
CREATE INDEX `inbound_pending` ON `inbound_events` (`id`) WHERE status = 'pending';--> statement-breakpoint
DROP INDEX `outbox_due`;--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`next_attempt_at`) WHERE status = 'pending';