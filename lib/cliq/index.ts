/** The one place that knows Cliq's wire format: import from here, not from the files behind it. */
export {
  type CliqClient,
  createCliqClient,
} from './client';
export * from './datacentres';
export * from './endpoints/index';
export { endpointFor, PRODUCT_OPERATIONS, type ProductOperation, scopesFor } from './endpoints/product';
export {
  CliqError,
  type CliqErrorJSON,
  type CliqErrorKind,
} from './errors';
