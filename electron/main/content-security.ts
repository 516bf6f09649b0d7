/** The headers every page of the app is served with; the values live in scripts/web-policy.mjs, shared with the web server. */
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../scripts/web-policy.mjs';
