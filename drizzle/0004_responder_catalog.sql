CREATE TABLE `embeddings` (
	`kind` text NOT NULL,
	`refId` text NOT NULL,
	`model` text NOT NULL,
	`textHash` text NOT NULL,
	`vector` blob NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`kind`, `refId`, `model`)
);
--> statement-breakpoint
CREATE TABLE `secrets` (
	`key` text PRIMARY KEY NOT NULL,
	`value` blob NOT NULL,
	`updatedAt` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `focusProductId` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `attention` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `attentionAt` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `afterHoursNoticeFor` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `holdingReplyAt` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `template` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `productId` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `guardrails` text;--> statement-breakpoint
CREATE INDEX `products_account_name` ON `products` (`accountId`,`name`);--> statement-breakpoint
-- Before this migration the only bot messages without a model were the unsupported-type reply.
UPDATE `messages` SET `template` = 'unsupported' WHERE `author` = 'bot' AND `model` IS NULL;