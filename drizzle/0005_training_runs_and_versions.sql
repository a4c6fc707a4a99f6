ALTER TABLE `model_versions` ADD `baseModel` text;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `path` text;--> statement-breakpoint
ALTER TABLE `model_versions` ADD `digest` text;--> statement-breakpoint
ALTER TABLE `training_runs` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `training_runs` ADD `modelVersionId` text;