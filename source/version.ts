import packageJson from '../package.json' with {type: 'json'};

/** The program's version, sent in `X-Requested-With: qualys-tui/<version>`. */
export const version: string = packageJson.version;
