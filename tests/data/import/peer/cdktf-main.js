// The "orders" global table of tests/data/import/peer/orders.spec.json, written with cdktf
// (@cdktf/provider-aws 21.22.1, AWS provider 6.25.0). `node cdktf-main.js OUTDIR` synthesizes
// OUTDIR/stacks/orders/cdk.tf.json offline (no terraform, no network).
'use strict';
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { DynamodbTable } = require('@cdktf/provider-aws/lib/dynamodb-table');
const { DynamodbTableReplicaA } = require('@cdktf/provider-aws/lib/dynamodb-table-replica');

const app = new App({ outdir: process.argv[2] || 'cdktf.out' });
const stack = new TerraformStack(app, 'orders');
new AwsProvider(stack, 'aws', { region: 'us-east-1' });
const euWest1 = new AwsProvider(stack, 'eu', { region: 'eu-west-1', alias: 'eu_west_1' });
const table = new DynamodbTable(stack, 'orders', {
  name: 'orders',
  billingMode: 'PAY_PER_REQUEST',
  hashKey: 'pk',
  rangeKey: 'sk',
  attribute: [
    { name: 'pk', type: 'S' },
    { name: 'sk', type: 'S' },
    { name: 'customer', type: 'S' },
    { name: 'status', type: 'S' },
  ],
  globalSecondaryIndex: [
    { name: 'by_customer', hashKey: 'customer', rangeKey: 'sk', projectionType: 'ALL' },
    { name: 'by_status', hashKey: 'status', projectionType: 'KEYS_ONLY' },
  ],
  streamEnabled: true,
  streamViewType: 'NEW_AND_OLD_IMAGES',
  pointInTimeRecovery: { enabled: true },
  ttl: { attributeName: 'expires_at', enabled: true },
  tags: { team: 'checkout' },
  replica: [{ regionName: 'us-west-2', pointInTimeRecovery: true }],
  lifecycle: { ignoreChanges: ['replica'] },
});
new DynamodbTableReplicaA(stack, 'orders_eu_west_1', {
  provider: euWest1,
  globalTableArn: table.arn,
  pointInTimeRecovery: true,
  tableClassOverride: 'STANDARD_INFREQUENT_ACCESS',
});
app.synth();
