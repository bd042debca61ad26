CREATE INDEX `citizens_seen` ON `citizens` (`last_seen_at`) WHERE platform_user_id NOT LIKE 'anonymised:%';--> statement-breakpoint
CREATE INDEX `inbound_to_anonymise` ON `inbound_events` (`received_at`) WHERE json_extract(event, '$.anonymised') IS NULL;--> statement-breakpoint
CREATE INDEX `messages_to_anonymise` ON `messages` (`created_at`) WHERE text != '[anonymised]';--> statement-breakpoint
CREATE INDEX `outbox_to_anonymise` ON `outbox` (`created_at`) WHERE message != '{"text":[{"type":"paragraph","spans":[{"text":"[anonymised]"}]}]}';