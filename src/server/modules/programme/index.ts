export { listApplicableTopics } from './topics.service';
export type { TopicView } from './topics.service';
