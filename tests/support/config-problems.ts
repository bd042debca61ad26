import { expect } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

/** What loading the configuration from `env` complains of, one line a problem; none when it loads. */
export function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
}
