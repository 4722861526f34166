// The register's and admin's bus: the process-wide LISTEN/NOTIFY bus shared with the storefront's instances.
export { getProcessEventBus as getEventBus } from "@pos/api";
