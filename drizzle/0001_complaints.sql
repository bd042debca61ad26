CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`status` text NOT NULL,
	`by_who` text NOT NULL,
	`note` text,
	`outbox_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint` ON `complaint_events` (`complaint_id`,`id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer NOT NULL,
	`about` text NOT NULL,
	`agency_id` text,
	`agency_name` text,
	`region` text,
	`description` text NOT NULL,
	`wish` text NOT NULL,
	`contact_consent` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `complaints_status` ON `complaints` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_citizen` ON `complaints` (`citizen_id`,`id`);