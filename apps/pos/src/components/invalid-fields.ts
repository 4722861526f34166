export { invalidFields } from "@pos/ui";
