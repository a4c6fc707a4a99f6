export { CycleService, chooseBackend, type CycleServiceDeps, type SystemProbes } from './cycle-service'
export { cycleHandlers } from './cycle-handlers'
export { checkConditions, isInWindow, reasonNotYet } from './cycle-conditions'
export { judgeWatch } from './version-watch'
