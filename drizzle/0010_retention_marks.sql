CREATE TABLE `retention_marks` (
	`name` text PRIMARY KEY NOT NULL,
	`last_id` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `inbound_to_anonymise`;--> statement-breakpoint
DROP INDEX `messages_to_anonymise`;--> statement-breakpoint
DROP INDEX `outbox_to_anonymise`;