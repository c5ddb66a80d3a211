export { listApplicableTopics } from './topics.service';
export type { TopicView } from './topics.service';
export { createPlan } from './plans.service';
export { createTopic } from './topics.service';
export { addBreakthroughUpdate, adoptBreakthrough, changeBreakthroughStatus, createBreakthrough } from './breakthroughs.service';
export { findBreakthroughsByIds } from './breakthroughs.repo';
