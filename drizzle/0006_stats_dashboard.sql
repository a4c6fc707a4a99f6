CREATE TABLE `score_distribution_daily` (
	`day` text NOT NULL,
	`category` text NOT NULL,
	`model` text NOT NULL,
	`isDemo` integer NOT NULL,
	`source` text NOT NULL,
	`score` integer NOT NULL,
	`exchanges` integer NOT NULL,
	PRIMARY KEY(`day`, `category`, `model`, `isDemo`, `source`, `score`)
);
--> statement-breakpoint
-- Backfill, then keep exact: an exchange counts once per score it carries (auto, owner).
INSERT INTO `score_distribution_daily` (`day`, `category`, `model`, `isDemo`, `source`, `score`, `exchanges`)
SELECT date(`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(`category`, ''), coalesce(`model`, ''), `isDemo`, 'auto', `autoScore`, count(*)
FROM `training_data` WHERE `autoScore` IS NOT NULL GROUP BY 1, 2, 3, 4, 6;
--> statement-breakpoint
INSERT INTO `score_distribution_daily` (`day`, `category`, `model`, `isDemo`, `source`, `score`, `exchanges`)
SELECT date(`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(`category`, ''), coalesce(`model`, ''), `isDemo`, 'owner', `manualScore`, count(*)
FROM `training_data` WHERE `manualScore` IS NOT NULL GROUP BY 1, 2, 3, 4, 6;
--> statement-breakpoint
CREATE TRIGGER `score_distribution_after_insert` AFTER INSERT ON `training_data` BEGIN
  INSERT INTO `score_distribution_daily` (`day`, `category`, `model`, `isDemo`, `source`, `score`, `exchanges`)
  SELECT date(NEW.`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(NEW.`category`, ''), coalesce(NEW.`model`, ''), NEW.`isDemo`, s.`source`, s.`score`, 1
  FROM (SELECT 'auto' AS `source`, NEW.`autoScore` AS `score` UNION ALL SELECT 'owner', NEW.`manualScore`) AS s
  WHERE s.`score` IS NOT NULL
  ON CONFLICT (`day`, `category`, `model`, `isDemo`, `source`, `score`) DO UPDATE SET `exchanges` = `exchanges` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `score_distribution_after_update` AFTER UPDATE OF `createdAt`, `category`, `model`, `isDemo`, `autoScore`, `manualScore` ON `training_data` BEGIN
  UPDATE `score_distribution_daily` SET `exchanges` = `exchanges` - 1
  WHERE `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `isDemo` = OLD.`isDemo`
    AND ((`source` = 'auto' AND `score` = OLD.`autoScore`) OR (`source` = 'owner' AND `score` = OLD.`manualScore`));
  INSERT INTO `score_distribution_daily` (`day`, `category`, `model`, `isDemo`, `source`, `score`, `exchanges`)
  SELECT date(NEW.`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(NEW.`category`, ''), coalesce(NEW.`model`, ''), NEW.`isDemo`, s.`source`, s.`score`, 1
  FROM (SELECT 'auto' AS `source`, NEW.`autoScore` AS `score` UNION ALL SELECT 'owner', NEW.`manualScore`) AS s
  WHERE s.`score` IS NOT NULL
  ON CONFLICT (`day`, `category`, `model`, `isDemo`, `source`, `score`) DO UPDATE SET `exchanges` = `exchanges` + 1;
  DELETE FROM `score_distribution_daily` WHERE `exchanges` = 0 AND `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `isDemo` = OLD.`isDemo`
    AND ((`source` = 'auto' AND `score` = OLD.`autoScore`) OR (`source` = 'owner' AND `score` = OLD.`manualScore`));
END;
--> statement-breakpoint
CREATE TRIGGER `score_distribution_after_delete` AFTER DELETE ON `training_data` BEGIN
  UPDATE `score_distribution_daily` SET `exchanges` = `exchanges` - 1
  WHERE `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `isDemo` = OLD.`isDemo`
    AND ((`source` = 'auto' AND `score` = OLD.`autoScore`) OR (`source` = 'owner' AND `score` = OLD.`manualScore`));
  DELETE FROM `score_distribution_daily` WHERE `exchanges` = 0 AND `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `isDemo` = OLD.`isDemo`
    AND ((`source` = 'auto' AND `score` = OLD.`autoScore`) OR (`source` = 'owner' AND `score` = OLD.`manualScore`));
END;
--> statement-breakpoint
-- The 0002 triggers cleared empty rollup rows with a scan of the whole table on every score
-- change, a cost that grows with the rollup (days × categories × models × scores). Only the row
-- OLD left can be empty.
DROP TRIGGER `training_stats_after_update`;
--> statement-breakpoint
DROP TRIGGER `training_stats_after_delete`;
--> statement-breakpoint
CREATE TRIGGER `training_stats_after_update` AFTER UPDATE OF `createdAt`, `category`, `model`, `qualityScore`, `isDemo`, `wasSuccessful`, `reviewStatus`, `manualScore` ON `training_data` BEGIN
  UPDATE `training_stats_daily` SET
    `exchanges` = `exchanges` - 1, `outcomes` = `outcomes` - (OLD.`wasSuccessful` IS NOT NULL),
    `successes` = `successes` - coalesce(OLD.`wasSuccessful`, 0), `backlog` = `backlog` - (OLD.`reviewStatus` = 'pending' AND OLD.`manualScore` IS NULL)
  WHERE `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `qualityScore` = coalesce(OLD.`qualityScore`, 0) AND `isDemo` = OLD.`isDemo`;
  INSERT INTO `training_stats_daily` (`day`, `category`, `model`, `qualityScore`, `isDemo`, `exchanges`, `outcomes`, `successes`, `backlog`)
  VALUES (date(NEW.`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(NEW.`category`, ''), coalesce(NEW.`model`, ''), coalesce(NEW.`qualityScore`, 0), NEW.`isDemo`,
          1, NEW.`wasSuccessful` IS NOT NULL, coalesce(NEW.`wasSuccessful`, 0), NEW.`reviewStatus` = 'pending' AND NEW.`manualScore` IS NULL)
  ON CONFLICT (`day`, `category`, `model`, `qualityScore`, `isDemo`) DO UPDATE SET
    `exchanges` = `exchanges` + excluded.`exchanges`, `outcomes` = `outcomes` + excluded.`outcomes`,
    `successes` = `successes` + excluded.`successes`, `backlog` = `backlog` + excluded.`backlog`;
  DELETE FROM `training_stats_daily` WHERE `exchanges` = 0 AND `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `qualityScore` = coalesce(OLD.`qualityScore`, 0) AND `isDemo` = OLD.`isDemo`;
END;
--> statement-breakpoint
CREATE TRIGGER `training_stats_after_delete` AFTER DELETE ON `training_data` BEGIN
  UPDATE `training_stats_daily` SET
    `exchanges` = `exchanges` - 1, `outcomes` = `outcomes` - (OLD.`wasSuccessful` IS NOT NULL),
    `successes` = `successes` - coalesce(OLD.`wasSuccessful`, 0), `backlog` = `backlog` - (OLD.`reviewStatus` = 'pending' AND OLD.`manualScore` IS NULL)
  WHERE `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `qualityScore` = coalesce(OLD.`qualityScore`, 0) AND `isDemo` = OLD.`isDemo`;
  DELETE FROM `training_stats_daily` WHERE `exchanges` = 0 AND `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `qualityScore` = coalesce(OLD.`qualityScore`, 0) AND `isDemo` = OLD.`isDemo`;
END;
