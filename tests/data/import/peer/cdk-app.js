// The "orders" global table of tests/data/import/peer/orders.spec.json, written with the AWS CDK
// (aws-cdk-lib TableV2, which synthesizes AWS::DynamoDB::GlobalTable). `node cdk-app.js OUTDIR`
// writes OUTDIR/Orders.template.json offline (no AWS account, no network).
'use strict';
const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');

const app = new cdk.App({ outdir: process.argv[2] || 'cdk.out' });
const stack = new cdk.Stack(app, 'Orders', { env: { region: 'us-east-1' } });
new dynamodb.TableV2(stack, 'OrdersTable', {
  tableName: 'orders',
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
  billing: dynamodb.Billing.onDemand(),
  globalSecondaryIndexes: [
    { indexName: 'by_customer', partitionKey: { name: 'customer', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING } },
    { indexName: 'by_status', partitionKey: { name: 'status', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY },
  ],
  dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  timeToLiveAttribute: 'expires_at',
  tags: [{ key: 'team', value: 'checkout' }],
  removalPolicy: cdk.RemovalPolicy.RETAIN,
  replicas: [
    { region: 'us-west-2' },
    { region: 'eu-west-1', tableClass: dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS },
  ],
});
app.synth();
