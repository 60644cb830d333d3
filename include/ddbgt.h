/*
 * libddbgt: design, validate, price and emit AWS DynamoDB global tables.
 *
 * The umbrella header: include this one. Link with
 * `pkg-config --cflags --libs ddbgt`.
 */
#ifndef DDBGT_H
#define DDBGT_H

#include "ddbgt/common.h"
#include "ddbgt/codes.h"
#include "ddbgt/diag.h"
#include "ddbgt/table.h"
#include "ddbgt/replica.h"
#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "ddbgt/spec.h"
#include "ddbgt/template.h"
#include "ddbgt/strategy.h"
#include "ddbgt/validate.h"
#include "ddbgt/cost.h"
#include "ddbgt/region.h"
#include "ddbgt/emit.h"
#include "ddbgt/operations.h"
#include "ddbgt/import.h"
#include "ddbgt/diff.h"

#endif
