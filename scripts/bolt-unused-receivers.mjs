// Bolt's entry point loads every receiver it has (Express, HTTP, Socket Mode) whichever one the app uses, and
// esbuild cannot tree-shake CommonJS. On Lambda Klaxon's app runs on AwsLambdaReceiver only, so the packages
// that only the other receivers call — express (with its body parsers and mime database), raw-body (with
// iconv-lite's code pages) and @slack/socket-mode (with undici) — would be about half the Slack function's
// bundle and of its cold start. They are replaced here by stand-ins that fail loudly if anything ever calls
// them; Bolt only touches them inside those receivers' constructors and request handlers, never at load.

const stubs = {
  express: [
    'module.exports = function express() { notBundled("express"); };',
    'module.exports.Router = function Router() { notBundled("express"); };',
  ],
  'raw-body': ['module.exports = function getRawBody() { notBundled("raw-body"); };'],
  '@slack/socket-mode': [
    'exports.SocketModeClient = class SocketModeClient { constructor() { notBundled("@slack/socket-mode"); } };',
  ],
};

const notBundled = [
  'function notBundled(name) {',
  '  throw new Error(name + " is not bundled in Klaxon\'s Lambda functions: Bolt runs on AwsLambdaReceiver there");',
  '}',
];

/** The packages replaced, for the bundle-contents test. */
export const boltUnusedReceiverPackages = Object.keys(stubs);

/** @returns {import('esbuild').Plugin} */
export function boltUnusedReceivers() {
  const filter = new RegExp(`^(${boltUnusedReceiverPackages.map((n) => n.replace('/', '\\/')).join('|')})$`);
  return {
    name: 'bolt-unused-receivers',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'bolt-unused-receiver' }));
      build.onLoad({ filter: /.*/, namespace: 'bolt-unused-receiver' }, (args) => ({
        contents: [...notBundled, ...stubs[args.path]].join('\n'),
        loader: 'js',
      }));
    },
  };
}
