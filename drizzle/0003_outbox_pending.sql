CREATE INDEX `outbox_pending` ON `outbox` (`id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `outbox_pending_chat` ON `outbox` (`platform`,`chat_id`,`id`) WHERE status = 'pending';