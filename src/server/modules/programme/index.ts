export { listApplicableTopics } from './topics.service';
export type { Topic as TopicView } from '../../../shared/contracts/programme';
export { createPlan } from './plans.service';
export { createTopic } from './topics.service';
export { addBreakthroughUpdate, adoptBreakthrough, changeBreakthroughStatus, createBreakthrough } from './breakthroughs.service';
export { findBreakthroughsByIds } from './breakthroughs.repo';
