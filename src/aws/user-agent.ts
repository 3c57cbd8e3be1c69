/** What every client adds to the SDK's user agent: AWS's logs show which requests came from the action. */
export const USER_AGENT: [string, string] = ['dynamodb-s3-transfer', '1.0.0'];
