let loading: ReturnType<typeof importSignedInRoutes> | null = null;

function importSignedInRoutes() {
  return import('./signed-in-routes');
}

/** Loads the signed-in pages once; called early (while a user types) so signing in does not wait for them. */
export function loadSignedInRoutes() {
  loading ??= importSignedInRoutes();
  return loading;
}
