// Stage 3 of the loop, review: the owner's judgement of each exchange, and the teacher that
// proposes better answers.
export { ReviewService, type ReviewDeps, type ReviewPage } from './review-service'
export { Teacher, type Suggestion, type TeacherDeps } from './teacher'
export { reviewHandlers } from './review-handlers'
