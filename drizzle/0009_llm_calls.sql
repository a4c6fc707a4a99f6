CREATE TABLE `llm_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`route` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`purpose` text NOT NULL,
	`promptTokens` integer NOT NULL,
	`completionTokens` integer NOT NULL,
	`estimated` integer NOT NULL,
	`ok` integer NOT NULL,
	`isDemo` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `llm_calls_at` ON `llm_calls` (`at`);