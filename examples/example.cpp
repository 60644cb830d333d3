// A C++ program using the installed libddbgt:
//     c++ example.cpp $(pkg-config --cflags --libs ddbgt)
// The handles live in unique_ptrs whose deleters are the library's _free
// functions, so every path out of main releases them.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include <ddbgt.h>

namespace {

struct TableFree {
	void operator()(ddbgt_table *t) const { ddbgt_table_free(t); }
};
struct DiagsFree {
	void operator()(ddbgt_diags *d) const { ddbgt_diags_free(d); }
};
struct StringFree {
	void operator()(char *s) const { ddbgt_free(s); }
};
using Table = std::unique_ptr<ddbgt_table, TableFree>;
using Diags = std::unique_ptr<ddbgt_diags, DiagsFree>;
using String = std::unique_ptr<char, StringFree>;

void check(int status, const char *what)
{
	if (status != DDBGT_OK)
		throw std::runtime_error(std::string(what) + ": " + ddbgt_strerror(status));
}

} // namespace

int main()
{
	try {
		static const char spec[] = R"({
  "format": "ddbgt/1",
  "table": {"name": "sessions", "partition_key": {"name": "id", "type": "S"}},
  "replicas": [{"region": "eu-west-1"}, {"region": "eu-central-1"}]
})";
		ddbgt_diags *d = nullptr;
		check(ddbgt_diags_new(&d), "ddbgt_diags_new");
		Diags diags(d);
		ddbgt_table *t = nullptr;
		check(ddbgt_spec_load_string(&t, spec, sizeof spec - 1, 0, diags.get()), "ddbgt_spec_load_string");
		Table table(t);
		check(ddbgt_table_set_tag(table.get(), "team", "identity"), "ddbgt_table_set_tag");

		// A broken document: the findings say what and where.
		ddbgt_table *bad = nullptr;
		int rc = ddbgt_spec_load_string(&bad, "{\"format\": 1}", 13, 0, diags.get());
		std::printf("broken spec: %s, %zu findings, first %s at %s\n", ddbgt_status_name(rc),
		            ddbgt_diags_count(diags.get()), ddbgt_diags_code_name(diags.get(), 0),
		            ddbgt_diags_path(diags.get(), 0));

		char *out = nullptr;
		check(ddbgt_spec_dump_string(&out, table.get(), 0), "ddbgt_spec_dump_string");
		String text(out);
		std::printf("table %s with %zu replicas:\n%s", ddbgt_table_name(table.get()),
		            ddbgt_table_replica_count(table.get()), text.get());
		return bad == nullptr && rc == DDBGT_ESPEC ? 0 : 1;
	} catch (const std::exception &e) {
		std::fprintf(stderr, "example++: %s\n", e.what());
		return 1;
	}
}
