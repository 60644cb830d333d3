/*
 * Internal: a replica's resource-based policies (spec resource_policy and
 * stream_resource_policy) are IAM policy documents the model keeps as JSON
 * text. This file keeps that text in one canonical form, so that a load, a
 * dump and a load again give the same bytes: compact, members in the order
 * written, numbers and strings through the one writer (jsonwrite.h).
 */
#ifndef DDBGT_LIB_IAM_POLICY_H
#define DDBGT_LIB_IAM_POLICY_H

#include <stddef.h>

#include "jsonread.h"
#include "jsonwrite.h"

/*
 * How deep a policy document may nest. IAM's own grammar needs 6 levels
 * (Statement, a statement, Condition, an operator, a key, its values); the
 * limit keeps a policy inside a spec document well under the spec's 64.
 */
#define DDBGT__IAM_POLICY_MAX_DEPTH 16

/* DynamoDB's limit on a resource-based policy, whitespace counted: 20 KB. */
#define DDBGT__IAM_POLICY_MAX_BYTES 20480

/* Write the tree v into w as it is, members in document order. */
void ddbgt__iam_policy_write(jw *w, const jr_value *v);

/*
 * The canonical text of the object v into *out (freed with ddbgt_free):
 * DDBGT_EINVAL when v is not an object or nests deeper than the limit,
 * DDBGT_ENOMEM.
 */
int ddbgt__iam_policy_from_tree(char **out, const jr_value *v);

/* The same from len bytes of JSON text: DDBGT_EINVAL when it is not one JSON object. */
int ddbgt__iam_policy_canonical(char **out, const char *json, size_t len);

/* Write canonical text into w as the object it is (DDBGT_ENOMEM fails w). */
void ddbgt__iam_policy_write_text(jw *w, const char *canonical);

/*
 * The same for a policy text composed for CloudFormation (one JSON object):
 * every string that holds "${" is written as {"Fn::Sub": string}, so that
 * ARNs built with ${AWS::Partition} and ${AWS::AccountId} resolve.
 */
void ddbgt__iam_policy_write_text_sub(jw *w, const char *text);

/* Parse canonical text back into a tree (only memory can fail). */
int ddbgt__iam_policy_parse(jr_doc **out, const char *canonical);

#endif
