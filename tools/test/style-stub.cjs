// Stylesheets imported by web code (libs/web/ui/src/index.ts) mean nothing to unit tests under Node.
module.exports = {};
