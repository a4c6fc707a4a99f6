CREATE TABLE `cycle_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`newExamples` integer NOT NULL,
	`datasetId` text,
	`trainingRunId` text,
	`versionId` text,
	`previousVersionId` text,
	`watchStatus` text,
	`watchTarget` integer,
	`watchSeen` integer,
	`watchReasons` text,
	`summary` text,
	`summaryReadAt` integer,
	`details` text,
	`error` text,
	`startedAt` integer NOT NULL,
	`finishedAt` integer
);
--> statement-breakpoint
CREATE INDEX `cycle_runs_startedAt` ON `cycle_runs` (`startedAt`);--> statement-breakpoint
CREATE INDEX `cycle_runs_watch` ON `cycle_runs` (`watchStatus`);