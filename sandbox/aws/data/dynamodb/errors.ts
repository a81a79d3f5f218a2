/**
 * DynamoDB's errors, named and worded as the service returns them (APIReference CommonErrors and
 * each operation's Errors section). They reach the guest as SDK v3 errors through the hub.
 */
import { AwsServiceError } from "../../sdk/hub";

export function validation(message: string): AwsServiceError {
  return new AwsServiceError("ValidationException", message, { statusCode: 400 });
}

export function resourceNotFound(): AwsServiceError {
  return new AwsServiceError("ResourceNotFoundException", "Requested resource not found", { statusCode: 400 });
}

export function conditionalCheckFailed(item?: Record<string, unknown>): AwsServiceError {
  return new AwsServiceError("ConditionalCheckFailedException", "The conditional request failed", { statusCode: 400, fields: item ? { Item: item } : undefined });
}

export function keyMismatch(): AwsServiceError {
  return validation("The provided key element does not match the schema");
}
