export { commendationsRoutes } from './commendations.routes';
export { createNomination, takeStep } from './nominations.service';
export { createDecision } from './decisions.service';
