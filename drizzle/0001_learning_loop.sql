CREATE TABLE `training_stats_daily` (
	`day` text NOT NULL,
	`category` text NOT NULL,
	`model` text NOT NULL,
	`qualityScore` integer NOT NULL,
	`isDemo` integer NOT NULL,
	`exchanges` integer NOT NULL,
	`outcomes` integer NOT NULL,
	`successes` integer NOT NULL,
	`backlog` integer NOT NULL,
	PRIMARY KEY(`day`, `category`, `model`, `qualityScore`, `isDemo`)
);
--> statement-breakpoint
DROP INDEX `training_data_review`;--> statement-breakpoint
ALTER TABLE `training_data` ADD `autoConfidence` real;--> statement-breakpoint
ALTER TABLE `training_data` ADD `reviewPriority` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `training_data` ADD `isDemo` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `training_data_created` ON `training_data` (`createdAt`);--> statement-breakpoint
CREATE INDEX `training_data_bot_message` ON `training_data` (`botMessageId`);--> statement-breakpoint
CREATE INDEX `training_data_review` ON `training_data` (`reviewStatus`,`reviewPriority`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `isDemo` integer DEFAULT false NOT NULL;