CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`accountId` text NOT NULL,
	`transport` text NOT NULL,
	`externalId` text NOT NULL,
	`displayName` text,
	`phone` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_account_transport_external` ON `contacts` (`accountId`,`transport`,`externalId`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`accountId` text NOT NULL,
	`contactId` text NOT NULL,
	`botMode` text DEFAULT 'bot' NOT NULL,
	`lastMessageAt` integer,
	`lastMessagePreview` text,
	`unreadCount` integer DEFAULT 0 NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contactId`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_contact` ON `conversations` (`contactId`);--> statement-breakpoint
CREATE INDEX `conversations_account_last` ON `conversations` (`accountId`,`lastMessageAt`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`path` text,
	`trainCount` integer DEFAULT 0 NOT NULL,
	`validationCount` integer DEFAULT 0 NOT NULL,
	`params` text,
	`stats` text,
	`error` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`conversationId` text NOT NULL,
	`externalId` text,
	`direction` text NOT NULL,
	`author` text NOT NULL,
	`kind` text DEFAULT 'text' NOT NULL,
	`text` text,
	`status` text NOT NULL,
	`replyState` text,
	`model` text,
	`error` text,
	`raw` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`sentAt` integer,
	FOREIGN KEY (`conversationId`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_external` ON `messages` (`externalId`);--> statement-breakpoint
CREATE INDEX `messages_conversation_created` ON `messages` (`conversationId`,`createdAt`);--> statement-breakpoint
CREATE INDEX `messages_reply_state` ON `messages` (`replyState`);--> statement-breakpoint
CREATE TABLE `model_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`trainingRunId` text,
	`metrics` text,
	`isLive` integer DEFAULT false NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deployedAt` integer,
	FOREIGN KEY (`trainingRunId`) REFERENCES `training_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_name` ON `model_versions` (`name`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`accountId` text NOT NULL,
	`sku` text,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`price` real,
	`currency` text DEFAULT 'COP' NOT NULL,
	`category` text,
	`keywords` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updatedAt` integer,
	FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_account_sku` ON `products` (`accountId`,`sku`);--> statement-breakpoint
CREATE INDEX `products_category` ON `products` (`category`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updatedAt` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `training_data` (
	`id` text PRIMARY KEY NOT NULL,
	`userId` text NOT NULL,
	`conversationId` text NOT NULL,
	`userMessage` text NOT NULL,
	`botResponse` text NOT NULL,
	`context` text,
	`productId` text,
	`productName` text,
	`category` text,
	`qualityScore` integer,
	`wasSuccessful` integer,
	`userFeedback` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`evaluatedAt` integer,
	`model` text,
	`autoScore` integer,
	`autoScoreSource` text,
	`manualScore` integer,
	`reviewStatus` text DEFAULT 'pending' NOT NULL,
	`correctedResponse` text,
	`reviewedAt` integer,
	`userMessageId` text,
	`botMessageId` text,
	`feedbackMessageId` text,
	FOREIGN KEY (`userId`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`conversationId`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`userMessageId`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`botMessageId`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feedbackMessageId`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_data_userId_qualityScore_idx` ON `training_data` (`userId`,`qualityScore`);--> statement-breakpoint
CREATE INDEX `training_data_category_qualityScore_idx` ON `training_data` (`category`,`qualityScore`);--> statement-breakpoint
CREATE INDEX `training_data_conversation_created` ON `training_data` (`conversationId`,`createdAt`);--> statement-breakpoint
CREATE INDEX `training_data_review` ON `training_data` (`reviewStatus`,`createdAt`);--> statement-breakpoint
CREATE TABLE `training_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`datasetId` text,
	`backend` text NOT NULL,
	`baseModel` text NOT NULL,
	`status` text NOT NULL,
	`params` text,
	`lossCurve` text,
	`metrics` text,
	`error` text,
	`logPath` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`startedAt` integer,
	`finishedAt` integer,
	FOREIGN KEY (`datasetId`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_runs_status` ON `training_runs` (`status`);--> statement-breakpoint
CREATE TABLE `whatsapp_auth` (
	`category` text NOT NULL,
	`keyId` text NOT NULL,
	`value` blob NOT NULL,
	`updatedAt` integer NOT NULL,
	PRIMARY KEY(`category`, `keyId`)
);
