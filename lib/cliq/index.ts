/** The one place that knows Cliq's wire format: import from here, not from the files behind it. */
export {
  type CallOptions,
  type CliqClient,
  type CliqClientOptions,
  createCliqClient,
  DEFAULT_TIMEOUT_MS,
} from './client';
export * from './datacentres';
export * from './endpoints/index';
export { PRODUCT_OPERATIONS, type ProductOperation, scopesFor } from './endpoints/product';
export {
  CLIQ_ERROR_KINDS,
  CliqError,
  type CliqErrorInit,
  type CliqErrorJSON,
  type CliqErrorKind,
  describeOperation,
} from './errors';
export { cliqApiBase } from './url';
