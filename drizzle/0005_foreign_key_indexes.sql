CREATE INDEX `console_sessions_consultant` ON `console_sessions` (`consultant_id`);--> statement-breakpoint
CREATE INDEX `faq_proposals_citizen` ON `faq_proposals` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `feedback_citizen` ON `feedback` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `inbound_citizen` ON `inbound_events` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `outbox_citizen` ON `outbox` (`citizen_id`);