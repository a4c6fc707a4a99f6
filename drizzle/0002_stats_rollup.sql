-- Keeps training_stats_daily exact: every insert, relevant update and delete of
-- training_data moves one exchange between rollup rows. Days are local to the machine.
INSERT INTO `training_stats_daily` (`day`, `category`, `model`, `qualityScore`, `isDemo`, `exchanges`, `outcomes`, `successes`, `backlog`)
SELECT date(`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(`category`, ''), coalesce(`model`, ''), coalesce(`qualityScore`, 0), `isDemo`,
       count(*), sum(`wasSuccessful` IS NOT NULL), sum(coalesce(`wasSuccessful`, 0)), sum(`reviewStatus` = 'pending' AND `manualScore` IS NULL)
FROM `training_data`
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `training_stats_after_insert` AFTER INSERT ON `training_data` BEGIN
  INSERT INTO `training_stats_daily` (`day`, `category`, `model`, `qualityScore`, `isDemo`, `exchanges`, `outcomes`, `successes`, `backlog`)
  VALUES (date(NEW.`createdAt` / 1000, 'unixepoch', 'localtime'), coalesce(NEW.`category`, ''), coalesce(NEW.`model`, ''), coalesce(NEW.`qualityScore`, 0), NEW.`isDemo`,
          1, NEW.`wasSuccessful` IS NOT NULL, coalesce(NEW.`wasSuccessful`, 0), NEW.`reviewStatus` = 'pending' AND NEW.`manualScore` IS NULL)
  ON CONFLICT (`day`, `category`, `model`, `qualityScore`, `isDemo`) DO UPDATE SET
    `exchanges` = `exchanges` + excluded.`exchanges`, `outcomes` = `outcomes` + excluded.`outcomes`,
    `successes` = `successes` + excluded.`successes`, `backlog` = `backlog` + excluded.`backlog`;
END;
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
  DELETE FROM `training_stats_daily` WHERE `exchanges` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `training_stats_after_delete` AFTER DELETE ON `training_data` BEGIN
  UPDATE `training_stats_daily` SET
    `exchanges` = `exchanges` - 1, `outcomes` = `outcomes` - (OLD.`wasSuccessful` IS NOT NULL),
    `successes` = `successes` - coalesce(OLD.`wasSuccessful`, 0), `backlog` = `backlog` - (OLD.`reviewStatus` = 'pending' AND OLD.`manualScore` IS NULL)
  WHERE `day` = date(OLD.`createdAt` / 1000, 'unixepoch', 'localtime') AND `category` = coalesce(OLD.`category`, '')
    AND `model` = coalesce(OLD.`model`, '') AND `qualityScore` = coalesce(OLD.`qualityScore`, 0) AND `isDemo` = OLD.`isDemo`;
  DELETE FROM `training_stats_daily` WHERE `exchanges` = 0;
END;
