// Settings per resource: through workspace/configuration when the client offers it, else the last settings that
// didChangeConfiguration sent; validated, and cached per document until the configuration changes.

import { checkSettings, type Settings } from './settings';
import type { ServerContext } from './context';

function validated(ctx: ServerContext, raw: unknown): Settings {
  const { settings, problems } = checkSettings(raw);
  if (problems.length) {
    const line = `Invalid settings, using the defaults instead: ${problems.join('; ')}.`;
    if (!ctx.reportedSettings.has(line)) {
      ctx.reportedSettings.add(line);
      ctx.log(line);
    }
  }
  return settings;
}

export function getSettings(ctx: ServerContext, uri: string): Promise<Settings> {
  let cached = ctx.settingsCache.get(uri);
  if (!cached) {
    if (ctx.configurationSupport) {
      cached = ctx.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'factcheck' })
        .then((raw) => validated(ctx, raw), (err) => {
          ctx.log(`workspace/configuration failed, using defaults: ${err?.message ?? err}`);
          return validated(ctx, undefined);
        });
    } else {
      cached = Promise.resolve(validated(ctx, ctx.globalSettings));
    }
    ctx.settingsCache.set(uri, cached);
  }
  return cached;
}
