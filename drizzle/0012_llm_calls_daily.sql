CREATE TABLE `llm_calls_daily` (
	`day` text NOT NULL,
	`route` text NOT NULL,
	`isDemo` integer NOT NULL,
	`calls` integer NOT NULL,
	`failed` integer NOT NULL,
	`promptTokens` integer NOT NULL,
	`completionTokens` integer NOT NULL,
	`estimated` integer NOT NULL,
	PRIMARY KEY(`day`, `route`, `isDemo`)
);
--> statement-breakpoint
-- Keeps llm_calls_daily exact: llm_calls is only ever inserted into (a paid call happened), so
-- one trigger adds each call to its local day. Days are local to the machine, as the stats' days.
INSERT INTO `llm_calls_daily` (`day`, `route`, `isDemo`, `calls`, `failed`, `promptTokens`, `completionTokens`, `estimated`)
SELECT date(`at` / 1000, 'unixepoch', 'localtime'), `route`, `isDemo`, count(*), sum(`ok` = 0), sum(`promptTokens`), sum(`completionTokens`), sum(`estimated`)
FROM `llm_calls`
GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `llm_calls_daily_after_insert` AFTER INSERT ON `llm_calls` BEGIN
  INSERT INTO `llm_calls_daily` (`day`, `route`, `isDemo`, `calls`, `failed`, `promptTokens`, `completionTokens`, `estimated`)
  VALUES (date(NEW.`at` / 1000, 'unixepoch', 'localtime'), NEW.`route`, NEW.`isDemo`, 1, NEW.`ok` = 0, NEW.`promptTokens`, NEW.`completionTokens`, NEW.`estimated`)
  ON CONFLICT (`day`, `route`, `isDemo`) DO UPDATE SET
    `calls` = `calls` + 1, `failed` = `failed` + excluded.`failed`, `promptTokens` = `promptTokens` + excluded.`promptTokens`,
    `completionTokens` = `completionTokens` + excluded.`completionTokens`, `estimated` = `estimated` + excluded.`estimated`;
END;
