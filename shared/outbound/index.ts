/** The one way out: every outbound HTTP call (third-party APIs, user-given URLs) goes through this module. */
export { OutboundError, isOutboundError, type OutboundErrorKind } from './errors.js';
export { safeFetch, safeFetchStream, type SafeFetchOptions, type SafeResponse } from './safe-fetch.js';
export { createOutboundFetch, outboundFetch, type OutboundFetchDefaults } from './fetch-adapter.js';
export { getPageInfo, classifyRemoteUrl, type PageInfo, type PageInfoOptions, type RemoteUrlContentType } from './page-info.js';
export { outboundToApiError, type OutboundErrorContext } from './api-errors.js';
export { forbiddenAddressReason } from './address-policy.js';
