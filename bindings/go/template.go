package ddbgt

/*
#include <stdlib.h>
#include <ddbgt.h>
*/
import "C"

import "unsafe"

// TemplateInfo is one entry of the template catalogue.
type TemplateInfo struct {
	Name        string // "active-active", "geo-distributed", ...
	Description string // what the pattern is for
	Usage       string // the traffic its usage profile describes
}

// Templates is the catalogue in its fixed order.
func Templates() []TemplateInfo {
	n := C.ddbgt_template_count()
	out := make([]TemplateInfo, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, TemplateInfo{
			Name:        gostr(C.ddbgt_template_name(i)),
			Description: gostr(C.ddbgt_template_description(i)),
			Usage:       gostr(C.ddbgt_template_usage_summary(i)),
		})
	}
	return out
}

// DefaultTemplate is the template `ddbgt plan` uses when given no spec.
func DefaultTemplate() string { return gostr(C.ddbgt_template_default_name()) }

// TemplateOptions change a template's result; zero fields keep the
// template's own values.
type TemplateOptions struct {
	TableName        string
	PartitionKey     string
	PartitionKeyType string // "S", "N" or "B"
	SortKey          string
	SortKeyType      string
	NoSortKey        bool     // drop the template's sort key
	Regions          []string // home region first
	WitnessRegion    string   // strong-consistency with two regions
	KMSKeys          []string // eu-residency: one key per region, parallel to Regions
}

// NewTableFromTemplate builds the template called name ("" for
// DefaultTemplate()). Unknown names give an *Error with Status ENOTFOUND,
// options the template cannot take (a wrong region count) EINVAL.
func NewTableFromTemplate(name string, opts *TemplateOptions) (*Table, error) {
	if name == "" {
		name = DefaultTemplate()
	}
	var o C.ddbgt_template_options
	if err := check("ddbgt_template_options_init",
		C.ddbgt_template_options_init(&o, C.DDBGT_TEMPLATE_OPTIONS_VERSION)); err != nil {
		return nil, err
	}
	var cs cstrings
	defer cs.free()
	if opts != nil {
		o.table_name = cs.opt(opts.TableName)
		o.partition_key = cs.opt(opts.PartitionKey)
		o.sort_key = cs.opt(opts.SortKey)
		if opts.NoSortKey {
			o.sort_key = cs.str("")
		}
		for _, k := range []struct {
			name string
			dst  *C.ddbgt_attr_type
		}{{opts.PartitionKeyType, &o.partition_key_type}, {opts.SortKeyType, &o.sort_key_type}} {
			if k.name != "" {
				v, err := enumParse("ddbgt_enum_parse", C.DDBGT_ENUM_ATTR_TYPE, k.name)
				if err != nil {
					return nil, err
				}
				*k.dst = C.ddbgt_attr_type(v)
			}
		}
		o.regions = cs.array(opts.Regions)
		o.region_count = C.size_t(len(opts.Regions))
		o.witness_region = cs.opt(opts.WitnessRegion)
		o.kms_keys = cs.array(opts.KMSKeys)
	}
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var p *C.ddbgt_table
	if err := check("ddbgt_template_build", C.ddbgt_template_build(&p, cname, &o)); err != nil {
		return nil, err
	}
	return wrapTable(p), nil
}
