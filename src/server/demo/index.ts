export { DEMO_PASSWORD, loadDemoData } from './load-demo';
export { loadDemoIfEmpty } from './demo-load-state';
export { generateNationalPeople, generateNationalTree } from './national';
export type { NationalTreeOptions } from './national';
export type { GeneratedPerson, GeneratedUnit } from './types';
