/**
 * Pages served from a database replica say how old their figures may be once the replica lags by
 * this many seconds or more (the server sends the lag in `x-data-lag-seconds`).
 */
export const LAG_NOTICE_SECONDS = 5;
export const LAG_HEADER = 'x-data-lag-seconds';
