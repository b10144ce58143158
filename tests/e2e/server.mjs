// The static server the tests serve the built site with: the build's own
// (scripts/static-server.mjs, which the start-screen capture uses too).
export * from '../../scripts/static-server.mjs';
