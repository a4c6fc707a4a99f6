ALTER TABLE `messages` ADD `mediaPath` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `mediaThumbPath` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `mediaMime` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `mediaBytes` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `mediaDurationSec` real;--> statement-breakpoint
ALTER TABLE `messages` ADD `transcript` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `transcriptStatus` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `mediaDescription` text;--> statement-breakpoint
ALTER TABLE `products` ADD `photoPath` text;--> statement-breakpoint
ALTER TABLE `products` ADD `photoThumbPath` text;--> statement-breakpoint
ALTER TABLE `products` ADD `photoMime` text;--> statement-breakpoint
ALTER TABLE `products` ADD `photoUpdatedAt` integer;