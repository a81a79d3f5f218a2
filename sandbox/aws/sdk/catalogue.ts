/**
 * AWS SDK v3 packages a handler may well require that the simulator does not implement. Each one
 * still loads (as it would from the Node.js runtime's bundled SDK), and every command it sends fails
 * with `UnknownOperationException` naming the package, rather than `Cannot find module`.
 */
export const UNSIMULATED_CLIENTS: Readonly<Record<string, string>> = {
  "@aws-sdk/client-secrets-manager": "SecretsManagerClient",
  "@aws-sdk/client-ssm": "SSMClient",
  "@aws-sdk/client-kms": "KMSClient",
  "@aws-sdk/client-sfn": "SFNClient",
  "@aws-sdk/client-ses": "SESClient",
  "@aws-sdk/client-sesv2": "SESv2Client",
  "@aws-sdk/client-cloudwatch": "CloudWatchClient",
  "@aws-sdk/client-cloudwatch-logs": "CloudWatchLogsClient",
  "@aws-sdk/client-cognito-identity-provider": "CognitoIdentityProviderClient",
  "@aws-sdk/client-rds-data": "RDSDataClient",
  "@aws-sdk/client-apigatewaymanagementapi": "ApiGatewayManagementApiClient",
  "@aws-sdk/client-firehose": "FirehoseClient",
  "@aws-sdk/client-iam": "IAMClient",
  "@aws-sdk/client-ec2": "EC2Client",
  "@aws-sdk/client-xray": "XRayClient",
};
