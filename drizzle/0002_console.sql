CREATE TABLE `console_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`consultant_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`consultant_id`) REFERENCES `consultants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `console_sessions_expiry` ON `console_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `consultants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`available` integer DEFAULT true NOT NULL,
	`max_tickets` integer,
	`last_assigned_at` integer,
	`created_at` integer NOT NULL,
	`last_login_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultants_login` ON `consultants` (`login`);--> statement-breakpoint
CREATE TABLE `faq_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer NOT NULL,
	`handoff_id` integer,
	`message_id` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`topic` text,
	`status` text DEFAULT 'new' NOT NULL,
	`proposed_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `faq_proposals_message` ON `faq_proposals` (`message_id`);--> statement-breakpoint
CREATE INDEX `faq_proposals_status` ON `faq_proposals` (`status`);--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handoff_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`target_id` integer,
	`text` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_events_handoff` ON `ticket_events` (`handoff_id`,`id`);--> statement-breakpoint
ALTER TABLE `handoffs` ADD `assigned_to` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `first_response_at` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `position_at_open` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `alerted_at` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `resolution` text;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `closed_by` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `rating_comment` text;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `rated_at` integer;--> statement-breakpoint
CREATE INDEX `handoffs_citizen` ON `handoffs` (`citizen_id`,`status`);--> statement-breakpoint
CREATE INDEX `handoffs_created` ON `handoffs` (`created_at`);--> statement-breakpoint
ALTER TABLE `messages` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `consultant_id` integer;--> statement-breakpoint
CREATE INDEX `messages_created` ON `messages` (`created_at`);