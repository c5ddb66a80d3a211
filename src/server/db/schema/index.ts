export * from './units';
export * from './people';
export * from './accounts';
export * from './platform';
