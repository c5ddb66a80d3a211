// Worker threads cannot load .ts by themselves: register tsx in the worker, then load the worker.
import { register } from 'tsx/esm/api';
register();
await import('./read-worker.ts');
