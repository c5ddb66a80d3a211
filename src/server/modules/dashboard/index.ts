export { campaignOverviewRoutes } from './campaign-overview.routes';
