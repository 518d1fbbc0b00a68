// Every route of the application, read from Express's own router, with the
// rights its guard names (requireRight/requireAnyRight set `rights` on the handler).
import type { Express } from 'express';

export interface RouteInfo {
  /** lower case: get, post … */
  method: string;
  path: string;
  /** undefined: no right guards the route */
  rights?: { action: string; resource: string }[];
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: { rights?: RouteInfo['rights'] } }[] };
  handle: { stack?: Layer[] };
}

function routesOf(stack: Layer[]): RouteInfo[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const rights = layer.route.stack.map((l) => l.handle.rights).find(Boolean);
      return Object.keys(layer.route.methods).map((method) => ({ method, path: layer.route!.path, rights }));
    }
    return layer.handle.stack ? routesOf(layer.handle.stack) : [];
  });
}

export function routesOfApp(app: Express): RouteInfo[] {
  return routesOf((app as unknown as { router: { stack: Layer[] } }).router.stack);
}
