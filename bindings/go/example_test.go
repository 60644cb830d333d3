package ddbgt_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	ddbgt "github.com/libddbgt/libddbgt/bindings/go"
)

const orders = `{
  "format": "ddbgt/1",
  "table": {
    "name": "orders",
    "billing_mode": "PAY_PER_REQUEST",
    "partition_key": {"name": "pk", "type": "S"}
  },
  "replicas": [{"region": "us-east-1"}, {"region": "eu-west-1"}]
}`

// Load a spec and write it back in canonical form.
func ExampleLoadSpec() {
	t, err := ddbgt.LoadSpec([]byte(orders))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Close()
	fmt.Println(t.Name(), t.BillingMode(), len(t.Replicas()))
	doc, _ := t.Dump()
	fmt.Println(strings.SplitN(doc, "\n", 3)[1])
	// Output:
	// orders PAY_PER_REQUEST 2
	//   "format": "ddbgt/1",
}

// A spec that does not load says where: code, JSON Pointer, line and column.
func ExampleLoadSpec_error() {
	_, err := ddbgt.LoadSpec([]byte(`{"format": "ddbgt/1", "table": {"name": 42}}`))
	var e *ddbgt.Error
	if errors.As(err, &e) {
		fmt.Println(e.Name, e.Code, e.Path)
	}
	// Output: DDBGT_ESPEC DDBGT_E_SPEC_TYPE /table/name
}

// Validate a design: every finding, and an error carrying the first one.
func ExampleTable_Validate() {
	t, _ := ddbgt.LoadSpec([]byte(strings.Replace(orders, "eu-west-1", "us-east-1", 1)))
	defer t.Close()
	findings, err := t.Validate(nil)
	var e *ddbgt.Error
	if errors.As(err, &e) {
		fmt.Println(e.Name, len(findings))
	}
	for _, f := range findings {
		fmt.Println(f.Severity, f.Code, f.Path, f.Region)
	}
	// Output:
	// DDBGT_EINVALID 1
	// error DDBGT_E_REGION_DUPLICATE /replicas/1/region us-east-1
}

// Check a spec as ddbgt validate does: every finding at its file, line and column.
func ExampleCheckSpec() {
	text := strings.Replace(orders, "eu-west-1", "us-east-1", 1)
	findings, err := ddbgt.CheckSpec([]byte(text), "orders.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s:%d:%d: %s [%s]\n", f.File, f.Line, f.Column, f.Severity, f.Code)
	}
	// Output: orders.json:8:52: error [DDBGT_E_REGION_DUPLICATE]
}

// Emit the Terraform JSON of a valid table.
func ExampleTable_Emit() {
	t, _ := ddbgt.LoadSpec([]byte(orders))
	defer t.Close()
	doc, err := t.Emit("terraform")
	if err != nil {
		fmt.Println(err)
		return
	}
	var tf struct {
		Resource map[string]map[string]json.RawMessage `json:"resource"`
	}
	if err := json.Unmarshal([]byte(doc), &tf); err != nil {
		fmt.Println(err)
		return
	}
	for kind, byName := range tf.Resource {
		for name := range byName {
			fmt.Println(kind, name)
		}
	}
	// Output: aws_dynamodb_table orders
}

// Estimate the monthly cost with the built-in prices.
func ExampleTable_Cost() {
	t, _ := ddbgt.LoadSpec([]byte(orders))
	defer t.Close()
	report, err := t.Cost()
	if err != nil {
		fmt.Println(err)
		return
	}
	var r struct {
		Currency string `json:"currency"`
		Regions  []struct {
			Region string `json:"region"`
		} `json:"regions"`
	}
	json.Unmarshal([]byte(report), &r)
	fmt.Println(r.Currency, len(r.Regions))
	// Output: USD 2
}

// Start from a pre-built pattern and ask what strategy it is.
func ExampleNewTableFromTemplate() {
	t, err := ddbgt.NewTableFromTemplate("primary-standby", &ddbgt.TemplateOptions{TableName: "Orders"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Close()
	s, _ := t.Strategy()
	defer s.Close()
	fmt.Println(t.Name(), s.Kind())
	// Output: Orders primary-standby-cold
}

// What a diagnostic code means and how to fix it.
func ExampleExplain() {
	c, _ := ddbgt.Explain("DDBGT_E_REGION_DUPLICATE")
	fmt.Println(c.Number, c.Severity)
	// Output: 134 error
}

// Pick the regions nearest to weighted users.
func ExampleNewRegionQuery() {
	q, _ := ddbgt.NewRegionQuery()
	defer q.Close()
	q.AddLocation(48.86, 2.35, 1) // Paris
	q.AddJurisdiction("EU")
	q.SetCount(2)
	sel, err := q.Run()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sel.Close()
	fmt.Println(sel.Codes())
	// Output: [eu-west-3 eu-west-1]
}
