export * from './units';
export * from './people';
export * from './accounts';
export * from './platform';
export * from './files';
export * from './programme';
export * from './standards';
export * from './study';
