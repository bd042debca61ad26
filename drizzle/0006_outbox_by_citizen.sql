DROP INDEX `outbox_chat`;--> statement-breakpoint
CREATE INDEX `citizens_chat` ON `citizens` (`platform`,`chat_id`);