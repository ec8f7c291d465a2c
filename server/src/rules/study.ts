// The record model lives in the service (editor features use it too); rules import it from here.
export * from '../service/study';
